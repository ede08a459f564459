using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Silo.Web;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Web;

public sealed class FleetPageRendererTests
{
    private static string Render(FleetReading reading, FleetPageSettings settings) =>
        FleetPageRenderer.Render(FleetPageBuilder.Build(reading, settings));

    private static List<string> HostsShown(string html) =>
        [.. Regex.Matches(html, "<tr class=\"[a-z]+\" data-host=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    private static List<string> PagerLinks(string html) =>
        [.. Regex.Matches(html, "<nav class=\"pager\"[^>]*>(.*?)</nav>").First().Groups[1].Value is var nav
            ? Regex.Matches(nav, "<a href=\"\\?page=(\\d+)\">|<strong aria-current=\"page\">(\\d+)</strong>|<span>…</span>").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? "[" + m.Groups[2].Value + "]" : "…")
            : []];

    [Fact]
    public void ThousandHosts_RenderOnePageOfFifty_DownHostsFirstAndRed()
    {
        var html = Render(PageFleet.Thousand(), PageFleet.Settings(page: 1));

        var shown = HostsShown(html);
        Assert.Equal(50, shown.Count);
        Assert.Equal(PageFleet.Name(7), shown[0]);
        Assert.Equal(10, Regex.Count(html, "<tr class=\"down\" data-host=\"[^\"]+\" data-state=\"down\"><td><b>[^<]+</b><span class=\"url\">[^<]+</span></td><td><span class=\"badge down\">down</span>"));
        Assert.Equal(10, Regex.Count(html, "<span class=\"badge pending\">not polled</span>"));
        Assert.Contains("1–50 of 1,000, down first", html, StringComparison.Ordinal);
        Assert.Contains("<title>10 down – OllamaOrleans fleet</title>", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<nav class=\"pager\""));
        Assert.Equal(["[1]", "2", "3", "4", "…", "20", "2"], PagerLinks(html));
        Assert.DoesNotContain("previous", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MiddlePage_LinksPreviousNextFirstLastAndThreeEitherSide()
    {
        var html = Render(PageFleet.Thousand(), PageFleet.Settings(page: 10));

        Assert.Equal(["9", "1", "…", "7", "8", "9", "[10]", "11", "12", "13", "…", "20", "11"], PagerLinks(html));
        Assert.Contains("<a href=\"?page=9\">‹ previous</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?page=11\">next ›</a>", html, StringComparison.Ordinal);
        Assert.Contains("451–500 of 1,000, down first", html, StringComparison.Ordinal);
        Assert.Equal(50, HostsShown(html).Count);
    }

    [Fact]
    public void OnePage_HasNoPager()
    {
        var reading = new FleetReading([new FleetHost("a", "http://a:11434/", PageFleet.Snapshot("a", up: true))], [], null, []);

        var html = Render(reading, PageFleet.Settings());

        Assert.DoesNotContain("class=\"pager\"", html, StringComparison.Ordinal);
        Assert.Equal(["a"], HostsShown(html));
        Assert.Contains("<title>1 of 1 up – OllamaOrleans fleet</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatHostsAndConfigurationSay_IsHtmlEncoded()
    {
        const string model = "<img src=x onerror=alert(1)>:latest";
        var snapshot = PageFleet.Snapshot("h", up: false, error: "<script>alert('e')</script> & more", version: "<b>0.1</b>", models:
            [Models.Snapshot(model, Models.Available(), Models.Loaded(vram: 5))]);
        var reading = new FleetReading([new FleetHost("h", "http://h:1/?\"><x>", snapshot)], [PageFleet.Statistics("h", (model, 1, 1, 1, 1))], null, []);

        var html = Render(reading, PageFleet.Settings(grafana: "http://grafana:3000/d/x?a=1&b=\"><script>"));

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>0.1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<x>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><script>", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<script>"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;:latest", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;e&#x27;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://grafana:3000/d/x?a=1&amp;b=&quot;&gt;&lt;script&gt;\">Grafana</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DownHost_ShowsItsLastErrorLastPollAndWhenItWasLastUp()
    {
        var snapshot = PageFleet.Snapshot("gpu-2", up: false, error: "connection refused", lastPoll: PageFleet.Now.AddSeconds(-4), lastSuccess: PageFleet.Now.AddMinutes(-3));

        var html = Render(new FleetReading([new FleetHost("gpu-2", "http://gpu-2:11434/", snapshot)], [], null, []), PageFleet.Settings());

        Assert.Contains(
            "<td><time datetime=\"2026-12-06T02:59:56.0000000Z\" title=\"2026-12-06 02:59:56 UTC\">4 s ago</time><span class=\"url\">last up 3 min ago</span></td><td class=\"error\">connection refused</td></tr>",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<div class=\"card bad\"><b>1</b><span>down</span></div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void UpHost_ShowsVersionModelsOnDiskCollapsed_AndVramPerLoadedModel()
    {
        var snapshot = PageFleet.Snapshot("gpu-1", up: true, models:
        [
            Models.Snapshot("qwen3:8b", Models.Available()),
            Models.Snapshot("llama3.2:latest", Models.Available(), Models.Loaded(vram: 3L << 30)),
        ]);

        var html = Render(new FleetReading([new FleetHost("gpu-1", "http://gpu-1:11434/", snapshot)], [], null, []), PageFleet.Settings());

        Assert.Contains(
            "<td>0.32.15</td><td><details><summary>2 models</summary><ul class=\"models\"><li>llama3.2:latest</li><li>qwen3:8b</li></ul></details></td>"
            + "<td><ul class=\"models\"><li>llama3.2:latest<span class=\"vram\">3.0 GiB</span></li></ul></td><td class=\"num\">3.0 GiB</td>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void BusiestModels_ShowRequestsTokensPerSecondAndP95()
    {
        var reading = new FleetReading([], [PageFleet.Statistics("h", ("llama3.2:latest", 1234, 500, 20.0, 0.25))], null, []);

        var html = Render(reading, PageFleet.Settings());

        var p95 = PageFormat.Seconds(Math.Round(OllamaOrleans.Protocol.Statistics.SketchMath.ValueOf(OllamaOrleans.Protocol.Statistics.SketchMath.BinOf(0.25)), 6));
        Assert.Contains(
            $"<tr data-model=\"llama3.2:latest\"><td>llama3.2:latest</td><td class=\"num\">1</td><td class=\"num\">1,234</td><td class=\"num\">0</td><td class=\"num\">25.0</td><td class=\"num\">{p95}</td></tr>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void NoTraffic_NoHosts_NoGpus_SayWhatIsMissing()
    {
        var html = Render(new FleetReading([], [], null, []), PageFleet.Settings());

        Assert.Contains("No requests in the last 5 minutes", html, StringComparison.Ordinal);
        Assert.Contains("No host is registered", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"gpus\"", html, StringComparison.Ordinal);
        Assert.Empty(HostsShown(html));
    }

    [Fact]
    public void StatisticsError_IsShownEncoded()
    {
        var html = Render(new FleetReading([], null, "silo <down>", []), PageFleet.Settings());

        Assert.Contains("<p class=\"error\">The statistics could not be read: silo &lt;down&gt;</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Gpus_AreShownWhenTheNodeHasThem()
    {
        GpuReading gpu = new(0, "nvidia", "GPU-1", "NVIDIA H100", "550.1", 87, 40L << 30, 80L << 30, 61, 300, null, ImmutableArray<GpuProcessUsage>.Empty);

        var html = Render(new FleetReading([], [], null, [gpu]), PageFleet.Settings());

        Assert.Contains(
            "<tr><td>0</td><td>NVIDIA H100 <span class=\"muted\">nvidia</span></td><td class=\"num\">87 %</td><td class=\"num\">40.0 GiB of 80.0 GiB</td><td class=\"num\">61 °C</td><td class=\"num\">300 W</td></tr>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Links_ThePlainListStays_GrafanaOnlyWhenConfigured()
    {
        var without = Render(new FleetReading([], [], null, []), PageFleet.Settings());
        var with = Render(new FleetReading([], [], null, []), PageFleet.Settings(grafana: "https://grafana.example/d/ollama"));

        foreach (var html in new[] { without, with })
        {
            foreach (var link in new[] { "metrics", "dashboard/", "healthz", "ready", "api/v1/hosts", "openapi/v1.json", "api/v1/fleet" })
            {
                Assert.Contains($"<a href=\"{link}\">", html, StringComparison.Ordinal);
            }

            Assert.Contains("<body data-refresh=\"15\">", html, StringComparison.Ordinal);
            Assert.Contains("<noscript><meta http-equiv=\"refresh\" content=\"15\"></noscript>", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Grafana", without, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(with, "<a href=\"https://grafana.example/d/ollama\">"));
    }
}
