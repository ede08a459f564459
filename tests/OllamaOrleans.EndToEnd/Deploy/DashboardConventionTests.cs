using System.Text.Json;
using System.Text.RegularExpressions;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>
/// What makes the fleet dashboard readable and importable anywhere: a unit on every panel, colours
/// that mean something, the data source as a variable, bounded series for large fleets, and links.
/// </summary>
public sealed class DashboardConventionTests
{
    private static readonly string[] ColouredTypes = ["stat", "gauge", "bargauge", "state-timeline"];

    private readonly DashboardFile dashboard = DashboardFile.Load("ollama-fleet.json");

    [Fact]
    public void EveryPanel_HasAUnit()
    {
        var without = dashboard.QueryPanels.Where(p => string.IsNullOrEmpty(Defaults(p).TryGetProperty("unit", out var u) ? u.GetString() : null)).Select(p => p.Title).ToList();

        Assert.Empty(without);
    }

    [Fact]
    public void EveryStatGaugeBarGaugeAndStateTimeline_HasThresholdsAndValueMappings()
    {
        var coloured = dashboard.QueryPanels.Where(p => ColouredTypes.Contains(p.Type)).ToList();

        Assert.True(coloured.Count >= 15, $"{coloured.Count} coloured panels");
        foreach (var panel in coloured)
        {
            Assert.True(Steps(panel).Count > 0, $"{panel.Title}: no thresholds");
            Assert.True(Defaults(panel).TryGetProperty("mappings", out var mappings) && mappings.GetArrayLength() > 0, $"{panel.Title}: no value mappings");
        }
    }

    [Fact]
    public void UpIsGreen_DownIsRed_AndNoTokenRateTurnsRed()
    {
        Assert.Equal([("red", null), ("green", 1.0)], Steps(Panel("stat", "Hosts up")));
        Assert.Equal([("green", null), ("red", 1.0)], Steps(Panel("stat", "Hosts down")));
        Assert.Equal([("green", null), ("red", 1.0)], Steps(Panel("stat", "Hosts not monitored")));
        foreach (var timeline in new[] { "Hosts up", "Probe results" })
        {
            var mapped = Defaults(Panel("state-timeline", timeline)).GetProperty("mappings")[0].GetProperty("options");
            Assert.Equal("red", mapped.GetProperty("0").GetProperty("color").GetString());
            Assert.Equal("green", mapped.GetProperty("1").GetProperty("color").GetString());
        }

        var tokenRates = dashboard.QueryPanels.Where(p => Unit(p) == "suffix: tokens/s").ToList();
        Assert.True(tokenRates.Count >= 4, $"{tokenRates.Count} token-rate panels");
        Assert.All(tokenRates, p => Assert.DoesNotContain(Steps(p), s => s.Color == "red"));
    }

    [Fact]
    public void NoDataSource_IsHardCoded_AndTheDashboardAsksForOneOnImport()
    {
        var uids = new List<string>();
        Collect(dashboard.Root, uids);

        Assert.NotEmpty(uids);
        Assert.All(uids, u => Assert.True(u is "${datasource}" or "-- Grafana --", u));
        var input = dashboard.Root.GetProperty("__inputs").EnumerateArray().Single();
        Assert.Equal(("DS_PROMETHEUS", "datasource", "prometheus"), (input.GetProperty("name").GetString(), input.GetProperty("type").GetString(), input.GetProperty("pluginId").GetString()));
        var variable = dashboard.Root.GetProperty("templating").GetProperty("list").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "datasource");
        Assert.Equal(("datasource", "${DS_PROMETHEUS}"), (variable.GetProperty("type").GetString(), variable.GetProperty("current").GetProperty("value").GetString()));
    }

    [Fact]
    public void LatencyAndTokenPanels_CountTheSourceVariable_AndTheObjectivePanelReadsTheRecordingRules()
    {
        var sourced = dashboard.QueryPanels.Where(p => Unit(p) == "suffix: tokens/s" && p.Title != "Tokens per client" || p.Title.Contains("Inference latency", StringComparison.Ordinal) || p.Title.Contains("first token", StringComparison.Ordinal) || p.Title.Contains("Queue wait", StringComparison.Ordinal)).ToList();
        Assert.True(sourced.Count >= 7, string.Join(", ", sourced.Select(p => p.Title)));
        Assert.All(sourced.SelectMany(p => p.Queries), q => Assert.Contains("source=~\"$source\"", q.Expr, StringComparison.Ordinal));

        var records = YamlFile.Load("deploy", "prometheus", "alert_rules.yml").Items("groups").SelectMany(g => g.Items("rules")).Select(r => r.Text("record")).OfType<string>().ToHashSet();
        var objective = Panel("timeseries", "First-token objective: slow share");
        Assert.Equal(["ollama:time_to_first_token_slow:ratio_rate1h", "ollama:time_to_first_token_slow:ratio_rate6h"], objective.Queries.Select(q => records.Single(r => q.Expr.Contains(r + "{", StringComparison.Ordinal))));
        Assert.Equal([("green", null), ("red", 0.01)], Steps(objective));
    }

    [Fact]
    public void RatesUseRate_NoQueryScalesBytesByHand_AndPerHostOrModelPanelsShowTopk()
    {
        foreach (var panel in dashboard.QueryPanels)
        {
            foreach (var query in panel.Queries)
            {
                Assert.False(query.Expr.Contains("[$__rate_interval]", StringComparison.Ordinal) && query.Expr.Contains("increase(", StringComparison.Ordinal), $"{panel.Title}: increase over $__rate_interval");
                Assert.DoesNotContain("/ 1e9", query.Expr, StringComparison.Ordinal);
            }
        }

        var perSeries = dashboard.QueryPanels.Where(p => p.Type is "timeseries" or "bargauge" or "state-timeline"
            && p.Json.GetProperty("targets").EnumerateArray().Any(t => t.GetProperty("legendFormat").GetString()!.Contains("{{host}}", StringComparison.Ordinal) || t.GetProperty("legendFormat").GetString()!.Contains("{{model}}", StringComparison.Ordinal))).ToList();
        Assert.True(perSeries.Count >= 20, $"{perSeries.Count} per-host or per-model panels");
        Assert.All(perSeries.SelectMany(p => p.Queries.Select(q => (p.Title, q.Expr))), q => Assert.True(q.Expr.StartsWith("topk($topk, ", StringComparison.Ordinal) || q.Expr.StartsWith("bottomk($topk, ", StringComparison.Ordinal), $"{q.Title}: {q.Expr}"));
    }

    [Fact]
    public void EqualHostNamesAtTwoSites_StayTwoSeries_InEveryAggregationAndLegend()
    {
        var byHost = new Regex(@"\b(?:by|on) \(([^)]*)\)");
        var queries = dashboard.QueryPanels.SelectMany(p => p.Queries.Select(q => (p.Title, q.Expr))).Concat(dashboard.AnnotationQueries).ToList();
        var grouped = 0;
        foreach (var (title, expr) in queries)
        {
            foreach (var labels in byHost.Matches(expr).Select(m => m.Groups[1].Value.Split(", ")).Where(l => l.Contains("host")))
            {
                Assert.True(labels.Contains("site"), $"{title}: groups by host without site: {expr}");
                grouped++;
            }
        }

        Assert.True(grouped >= 30, $"{grouped} aggregations by host");
        var legends = dashboard.QueryPanels.SelectMany(p => p.Json.GetProperty("targets").EnumerateArray().Select(t => (p.Title, Legend: t.GetProperty("legendFormat").GetString()!)));
        Assert.All(legends.Where(l => l.Legend.Contains("{{host}}", StringComparison.Ordinal)), l => Assert.Contains("{{site}}", l.Legend, StringComparison.Ordinal));
    }

    [Fact]
    public void RowsBeyondTheOverview_AreCollapsed()
    {
        var rows = dashboard.Root.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() == "row").ToList();

        Assert.False(rows[0].GetProperty("collapsed").GetBoolean());
        Assert.All(rows.Skip(1), r => Assert.True(r.GetProperty("collapsed").GetBoolean() && r.GetProperty("panels").GetArrayLength() > 0, r.GetProperty("title").GetString()));
        Assert.Equal(rows.Count + dashboard.Panels.Count(p => PanelsOfTheOverview().Contains(p.Id)), dashboard.Root.GetProperty("panels").GetArrayLength());
    }

    [Fact]
    public void Dashboard_MarksModelLoadsAndFiringAlerts_AndLinksTheDocs()
    {
        Assert.Equal(["Firing alerts", "Model loads"], dashboard.AnnotationQueries.Select(a => a.Name).Order());
        Assert.Contains("ollama_model_loads_total", dashboard.AnnotationQueries.Single(a => a.Name == "Model loads").Expr, StringComparison.Ordinal);
        Assert.Contains("alertstate=\"firing\"", dashboard.AnnotationQueries.Single(a => a.Name == "Firing alerts").Expr, StringComparison.Ordinal);

        var links = dashboard.Root.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("url").GetString()!).ToList();
        Assert.Equal(["alerts.md", "metrics.md", "monitoring.md"], links.Select(Path.GetFileName).Order());
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "docs", Path.GetFileName(l))), l));
        Assert.All(links, l => Assert.StartsWith("https://git.example.internal/ollama-orleans/blob/main/docs/", l, StringComparison.Ordinal));
    }

    private IEnumerable<int> PanelsOfTheOverview() =>
        dashboard.Root.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").Select(p => p.GetProperty("id").GetInt32());

    private DashboardPanel Panel(string type, string title) => dashboard.QueryPanels.Single(p => p.Type == type && p.Title == title);

    private static JsonElement Defaults(DashboardPanel panel) => panel.Json.GetProperty("fieldConfig").GetProperty("defaults");

    private static string? Unit(DashboardPanel panel) => Defaults(panel).TryGetProperty("unit", out var unit) ? unit.GetString() : null;

    private static List<(string Color, double? Value)> Steps(DashboardPanel panel) =>
        Defaults(panel).TryGetProperty("thresholds", out var thresholds)
            ? [.. thresholds.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("color").GetString()!, s.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : s.GetProperty("value").GetDouble()))]
            : [];

    /// <summary>Every data source uid anywhere in the dashboard: panels, targets, variables, annotations.</summary>
    private static void Collect(JsonElement element, List<string> uids)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "datasource" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    uids.Add(property.Value.GetProperty("uid").GetString()!);
                }
                else if (property.Name == "datasource" && property.Value.ValueKind == JsonValueKind.String)
                {
                    uids.Add(property.Value.GetString()!);
                }

                Collect(property.Value, uids);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, uids);
            }
        }
    }
}
