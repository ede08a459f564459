using System.Globalization;
using System.Text;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Silo.Web;

/// <summary>The busiest models of the last five minutes, and the GPUs of this silo's node when it has any.</summary>
public static class NodeTablesRenderer
{
    public static void WriteBusiestModels(StringBuilder html, FleetPageModel page)
    {
        html.Append("<section id=\"models\"><h2>Busiest models <small>last 5 minutes, by requests</small></h2>");
        if (page.StatisticsError is { } error)
        {
            html.Append("<p class=\"error\">The statistics could not be read: ").Text(error).Append("</p></section>");
            return;
        }

        if (page.BusiestModels.Count == 0)
        {
            html.Append("<p class=\"muted\">No requests in the last 5 minutes (neither probes nor gateway traffic).</p></section>");
            return;
        }

        html.Append("<div class=\"scroll\"><table><thead><tr><th>Model</th><th class=\"num\">Hosts</th><th class=\"num\">Requests</th><th class=\"num\">Errors</th><th class=\"num\">Tokens/s</th><th class=\"num\">p95 latency</th></tr></thead><tbody>");
        foreach (var m in page.BusiestModels)
        {
            html.Append("<tr data-model=\"").Text(m.Model).Append("\"><td>").Text(m.Model).Append("</td>")
                .Append("<td class=\"num\">").Append(PageFormat.Count(m.Hosts)).Append("</td>")
                .Append("<td class=\"num\">").Append(PageFormat.Count(m.Requests)).Append("</td>")
                .Append("<td class=\"num\">").Append(PageFormat.Count(m.Errors)).Append("</td>")
                .Append("<td class=\"num\">").Append(PageFormat.Rate(m.TokensPerSecond)).Append("</td>")
                .Append("<td class=\"num\">").Append(PageFormat.Seconds(m.P95Seconds)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    public static void WriteGpus(StringBuilder html, IReadOnlyList<GpuReading> gpus)
    {
        if (gpus.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"gpus\"><h2>GPUs <small>of this silo's node</small></h2><div class=\"scroll\"><table><thead><tr><th>GPU</th><th>Name</th><th class=\"num\">Utilization</th><th class=\"num\">Memory used</th><th class=\"num\">Temperature</th><th class=\"num\">Power</th></tr></thead><tbody>");
        foreach (var g in gpus)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{g.Index}</td><td>").Text(g.Name).Append(" <span class=\"muted\">").Text(g.Vendor).Append("</span></td>")
                .Append("<td class=\"num\">").Append(g.UtilizationPercent is { } u ? string.Create(CultureInfo.InvariantCulture, $"{u:0} %") : "–").Append("</td>")
                .Append("<td class=\"num\">").Append(Memory(g)).Append("</td>")
                .Append("<td class=\"num\">").Append(g.TemperatureCelsius is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t:0} °C") : "–").Append("</td>")
                .Append("<td class=\"num\">").Append(g.PowerWatts is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p:0} W") : "–").Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static string Memory(GpuReading g) => (g.MemoryUsedBytes, g.MemoryTotalBytes) switch
    {
        ({ } used, { } total) => $"{PageFormat.Bytes(used)} of {PageFormat.Bytes(total)}",
        ({ } used, null) => PageFormat.Bytes(used),
        _ => "–",
    };
}
