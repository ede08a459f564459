using System.Globalization;
using System.Text;

namespace OllamaOrleans.Silo.Web;

/// <summary>
/// Renders the fleet page: a complete HTML document with its style and script inline. Everything
/// that comes from hosts or configuration is HTML-encoded (<see cref="HtmlText"/>).
/// </summary>
public static class FleetPageRenderer
{
    public static string Render(FleetPageModel page)
    {
        var html = new StringBuilder(8192 + (page.Hosts.Count * 600));
        var refresh = Math.Max(1, (int)Math.Ceiling(page.Refresh.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Title(page.Totals)).Append("</title>")
            .Append("<noscript><meta http-equiv=\"refresh\" content=\"").Append(refresh).Append("\"></noscript>")
            .Append("<style>").Append(FleetPageAssets.Style).Append("</style></head>")
            .Append("<body data-refresh=\"").Append(refresh).Append("\">");
        Header(html, page.GrafanaUrl);
        html.Append("<p id=\"stale\" role=\"status\">The monitor did not answer the last refresh; this is what it said before.</p><main>");
        Summary(html, page.Totals);
        HostTableRenderer.Write(html, page);
        NodeTablesRenderer.WriteBusiestModels(html, page);
        NodeTablesRenderer.WriteGpus(html, page.Gpus);
        html.Append("<p class=\"muted\">Read ").Append(PageFormat.Timestamp(page.Now)).Append("; refreshes every ").Append(refresh).Append(" s.</p></main>");
        Footer(html, page.GrafanaUrl);
        html.Append("<script>").Append(FleetPageAssets.Script).Append("</script></body></html>");
        return html.ToString();
    }

    /// <summary>The tab's title says the one thing that matters when it is in the background: how many hosts are down.</summary>
    public static string Title(FleetTotals totals) => totals.Down > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{totals.Down} down – OllamaOrleans fleet")
        : string.Create(CultureInfo.InvariantCulture, $"{totals.Up} of {totals.Hosts} up – OllamaOrleans fleet");

    private static void Header(StringBuilder html, string? grafanaUrl)
    {
        html.Append("<header><h1>OllamaOrleans fleet</h1><nav>");
        if (grafanaUrl is not null)
        {
            html.Append("<a href=\"").Text(grafanaUrl).Append("\">Grafana</a>");
        }

        html.Append("<a href=\"dashboard/\">Orleans Dashboard</a><a href=\"metrics\">Metrics</a><a href=\"api/v1/fleet\">API</a></nav></header>");
    }

    private static void Summary(StringBuilder html, FleetTotals t)
    {
        html.Append("<section class=\"cards\" aria-label=\"Fleet summary\">");
        Card(html, "hosts", PageFormat.Count(t.Hosts), bad: false);
        Card(html, "up", PageFormat.Count(t.Up), bad: false);
        Card(html, "down", PageFormat.Count(t.Down), bad: t.Down > 0);
        if (t.Pending > 0)
        {
            Card(html, "not polled yet", PageFormat.Count(t.Pending), bad: false);
        }

        Card(html, "models loaded", PageFormat.Count(t.ModelsLoaded), bad: false);
        Card(html, "VRAM used", PageFormat.Bytes(t.VramBytes), bad: false);
        html.Append("</section>");
    }

    private static void Card(StringBuilder html, string label, string value, bool bad) =>
        html.Append("<div class=\"card").Append(bad ? " bad" : "").Append("\"><b>").Append(value).Append("</b><span>").Append(label).Append("</span></div>");

    private static void Footer(StringBuilder html, string? grafanaUrl)
    {
        html.Append("<footer>Monitoring cluster for fleets of Ollama servers. This silo serves:<ul>");
        if (grafanaUrl is not null)
        {
            html.Append("<li><a href=\"").Text(grafanaUrl).Append("\">").Text(grafanaUrl).Append("</a>: Grafana (<code>Monitor:GrafanaUrl</code>)</li>");
        }

        html.Append("<li><a href=\"metrics\">/metrics</a>: Prometheus metrics of the hosts on this silo</li>")
            .Append("<li><a href=\"dashboard/\">/dashboard</a>: Orleans Dashboard</li>")
            .Append("<li><a href=\"healthz\">/healthz</a>: liveness</li>")
            .Append("<li><a href=\"ready\">/ready</a>: readiness</li>")
            .Append("<li><a href=\"api/v1/hosts\">/api/v1/hosts</a>: the management API (<a href=\"openapi/v1.json\">OpenAPI document</a>)</li>")
            .Append("<li>/probe?target=URL: one Ollama host's series, for Prometheus' multi-target pattern</li>")
            .Append("</ul></footer>");
    }
}
