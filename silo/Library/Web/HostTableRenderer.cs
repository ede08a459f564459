using System.Globalization;
using System.Text;

namespace OllamaOrleans.Silo.Web;

/// <summary>
/// The hosts section: one page of hosts (down first), each with its state, version, models on disk
/// (collapsed), loaded models with their VRAM, last poll and last error; pager links above and below
/// when the fleet has more than one page.
/// </summary>
public static class HostTableRenderer
{
    /// <summary>Page links on either side of the current page, besides the first and the last.</summary>
    private const int PagerReach = 3;

    public static void Write(StringBuilder html, FleetPageModel page)
    {
        var shown = page.Hosts.Count;
        html.Append("<section id=\"hosts\"><h2>Hosts <small>");
        if (page.Totals.Hosts == 0)
        {
            html.Append("none registered</small></h2><p>No host is registered: configure <code>Monitor:Hosts</code> or <code>OLLAMA_URL</code>, or register one through the API (<code>POST /api/v1/hosts</code>).</p></section>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"{PageFormat.Count(page.FirstHostNumber)}–{PageFormat.Count(page.FirstHostNumber + shown - 1)} of {PageFormat.Count(page.Totals.Hosts)}, down first</small></h2>");
        Pager(html, page);
        html.Append("<div class=\"scroll\"><table><thead><tr><th>Host</th><th>State</th><th>Version</th><th>On disk</th><th>Loaded, VRAM each</th><th class=\"num\">VRAM used</th><th>Last poll</th><th>Last error</th></tr></thead><tbody>");
        foreach (var host in page.Hosts)
        {
            Row(html, host, page.Now);
        }

        html.Append("</tbody></table></div>");
        Pager(html, page);
        html.Append("</section>");
    }

    private static void Row(StringBuilder html, HostRow host, DateTimeOffset now)
    {
        var state = host.State switch
        {
            HostState.Up => "up",
            HostState.Down => "down",
            _ => "pending",
        };
        html.Append("<tr class=\"").Append(state).Append("\" data-host=\"").Text(host.Name).Append("\" data-state=\"").Append(state).Append("\">");
        html.Append("<td><b>").Text(host.Name).Append("</b><span class=\"url\">").Text(host.Url).Append("</span></td>");
        html.Append("<td><span class=\"badge ").Append(state).Append("\">").Append(host.State == HostState.Pending ? "not polled" : state).Append("</span></td>");
        html.Append("<td>").Text(host.Version ?? "–").Append("</td><td>");
        OnDisk(html, host.OnDisk);
        html.Append("</td><td>");
        Loaded(html, host.Loaded);
        html.Append("</td><td class=\"num\">").Append(host.Loaded.Count == 0 ? "–" : PageFormat.Bytes(host.VramBytes)).Append("</td><td>");
        LastPoll(html, host, now);
        html.Append("</td><td class=\"error\">").Text(host.LastError).Append("</td></tr>");
    }

    private static void OnDisk(StringBuilder html, IReadOnlyList<string> models)
    {
        if (models.Count == 0)
        {
            html.Append("–");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<details><summary>{PageFormat.Count(models.Count)} {(models.Count == 1 ? "model" : "models")}</summary><ul class=\"models\">");
        foreach (var model in models)
        {
            html.Append("<li>").Text(model).Append("</li>");
        }

        html.Append("</ul></details>");
    }

    private static void Loaded(StringBuilder html, IReadOnlyList<LoadedModelRow> models)
    {
        if (models.Count == 0)
        {
            html.Append("<span class=\"muted\">none</span>");
            return;
        }

        html.Append("<ul class=\"models\">");
        foreach (var model in models)
        {
            html.Append("<li>").Text(model.Name).Append("<span class=\"vram\">").Append(PageFormat.Bytes(model.VramBytes)).Append("</span></li>");
        }

        html.Append("</ul>");
    }

    private static void LastPoll(StringBuilder html, HostRow host, DateTimeOffset now)
    {
        if (host.LastPollAt is not { } at)
        {
            html.Append("–");
            return;
        }

        html.Append("<time datetime=\"").Append(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Append("\" title=\"").Append(PageFormat.Timestamp(at)).Append("\">").Append(PageFormat.Ago(at, now)).Append("</time>");
        if (host.State == HostState.Down)
        {
            html.Append("<span class=\"url\">").Append(host.LastSuccessAt is { } up ? "last up " + PageFormat.Ago(up, now) : "never up").Append("</span>");
        }
    }

    private static void Pager(StringBuilder html, FleetPageModel page)
    {
        if (page.Pages <= 1)
        {
            return;
        }

        html.Append("<nav class=\"pager\" aria-label=\"Host pages\">");
        if (page.Page > 1)
        {
            Link(html, page.Page - 1, "‹ previous");
        }

        var from = Math.Max(1, page.Page - PagerReach);
        var to = Math.Min(page.Pages, page.Page + PagerReach);
        if (from > 1)
        {
            Link(html, 1, "1");
            html.Append(from > 2 ? "<span>…</span>" : "");
        }

        for (var n = from; n <= to; n++)
        {
            if (n == page.Page)
            {
                html.Append(CultureInfo.InvariantCulture, $"<strong aria-current=\"page\">{n}</strong>");
            }
            else
            {
                Link(html, n, n.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (to < page.Pages)
        {
            html.Append(to < page.Pages - 1 ? "<span>…</span>" : "");
            Link(html, page.Pages, page.Pages.ToString(CultureInfo.InvariantCulture));
        }

        if (page.Page < page.Pages)
        {
            Link(html, page.Page + 1, "next ›");
        }

        html.Append("</nav>");
    }

    private static void Link(StringBuilder html, int target, string text) =>
        html.Append(CultureInfo.InvariantCulture, $"<a href=\"?page={target}\">{text}</a>");
}
