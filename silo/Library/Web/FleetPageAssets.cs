namespace OllamaOrleans.Silo.Web;

/// <summary>
/// The fleet page's inline style and script: no external assets, so the page works offline and
/// behind any proxy. The script re-reads the page every <c>data-refresh</c> seconds and swaps its
/// <c>main</c> (scroll position kept); when a refresh fails the last answer stays, dimmed, under a
/// notice. Without script, a <c>noscript</c> meta refresh reloads the page.
/// </summary>
public static class FleetPageAssets
{
    public const string Style = """
        :root{color-scheme:light dark;--bg:#f5f6f8;--fg:#1c2230;--muted:#5d6878;--card:#fff;--line:#dce1e7;--link:#1a5fb4;--up:#1e7e34;--down:#c62828;--pending:#6b7280;--down-bg:#fdecea}
        @media (prefers-color-scheme:dark){:root{--bg:#14171c;--fg:#e6e9ee;--muted:#9aa4b2;--card:#1c2027;--line:#2f3540;--link:#8ab4f8;--down-bg:#3b1f1f}}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
        a{color:var(--link)}
        header{display:flex;flex-wrap:wrap;align-items:baseline;gap:.4rem 1.5rem;padding:.8rem 1.5rem;background:var(--card);border-bottom:1px solid var(--line)}
        header h1{margin:0;font-size:1.3rem}
        header nav a{margin-right:1rem}
        main{padding:.6rem 1.5rem 1rem;max-width:1500px}
        h2{font-size:1.05rem;margin:1.4rem 0 .5rem}
        h2 small{font-weight:normal;color:var(--muted)}
        .cards{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:.8rem}
        .card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.45rem .9rem;min-width:7.5rem}
        .card b{display:block;font-size:1.5rem;font-variant-numeric:tabular-nums}
        .card span{color:var(--muted)}
        .card.bad b{color:var(--down)}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line)}
        th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
        th{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);white-space:nowrap}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.down{background:var(--down-bg)}
        .badge{display:inline-block;min-width:3.8rem;text-align:center;padding:.1rem .5rem;border-radius:999px;color:#fff;font-weight:600;font-size:.8rem}
        .badge.up{background:var(--up)}
        .badge.down{background:var(--down)}
        .badge.pending{background:var(--pending)}
        .muted,.url{color:var(--muted);font-size:.85em}
        .url{display:block;overflow-wrap:anywhere}
        .error{color:var(--down);overflow-wrap:anywhere;max-width:30rem}
        ul.models{margin:0;padding:0;list-style:none}
        .vram{color:var(--muted);margin-left:.4rem}
        summary{cursor:pointer}
        .pager{margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem;align-items:center}
        .pager a,.pager strong{padding:.1rem .55rem;border:1px solid var(--line);border-radius:4px;text-decoration:none;background:var(--card)}
        .pager strong{background:var(--fg);color:var(--bg);border-color:var(--fg)}
        #stale{display:none;margin:0;padding:.5rem 1.5rem;background:var(--down);color:#fff}
        body.stale #stale{display:block}
        body.stale main{opacity:.55}
        footer{padding:.8rem 1.5rem 1.5rem;color:var(--muted);border-top:1px solid var(--line)}
        footer ul{margin:.3rem 0 0;padding-left:1.2rem}
        """;

    public const string Script = """
        setInterval(async () => {
          try {
            const r = await fetch(location.href, { cache: "no-store" });
            if (!r.ok) throw new Error(r.status);
            const d = new DOMParser().parseFromString(await r.text(), "text/html");
            document.querySelector("main").replaceWith(d.querySelector("main"));
            document.title = d.title;
            document.body.classList.remove("stale");
          } catch { document.body.classList.add("stale"); }
        }, document.body.dataset.refresh * 1000);
        """;
}
