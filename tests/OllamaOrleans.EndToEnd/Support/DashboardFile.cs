using System.Text.Json;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>A Grafana dashboard JSON of deploy/grafana/dashboards: its panels and their queries.</summary>
public sealed class DashboardFile
{
    private DashboardFile(JsonElement root, IReadOnlyList<DashboardPanel> panels)
    {
        Root = root;
        Panels = panels;
    }

    public JsonElement Root { get; }

    /// <summary>Every panel in order, rows included (rows have no queries).</summary>
    public IReadOnlyList<DashboardPanel> Panels { get; }

    public IEnumerable<DashboardPanel> QueryPanels => Panels.Where(p => p.Type != "row");

    public static string PathOf(string name) => Path.Combine(RepositoryPaths.Root, "deploy", "grafana", "dashboards", name);

    public static DashboardFile Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(name)));
        var root = document.RootElement.Clone();
        var panels = new List<DashboardPanel>();
        foreach (var panel in root.GetProperty("panels").EnumerateArray())
        {
            panels.Add(DashboardPanel.From(panel));
            if (panel.TryGetProperty("panels", out var nested))
            {
                panels.AddRange(nested.EnumerateArray().Select(DashboardPanel.From));
            }
        }

        return new DashboardFile(root, panels);
    }

    /// <summary>The PromQL of the annotations that query the data source (Grafana's built-in one has none).</summary>
    public IEnumerable<(string Name, string Expr)> AnnotationQueries =>
        Root.GetProperty("annotations").GetProperty("list").EnumerateArray()
            .Where(a => a.TryGetProperty("target", out var t) && t.TryGetProperty("expr", out _))
            .Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("target").GetProperty("expr").GetString()!));

    /// <summary>
    /// The query as Grafana would send it with the variables at their defaults: the jobs' names,
    /// "All" (the all-value) for site, host and model, traffic for source, 10 series per panel, and
    /// the interval variables as Grafana computes them for the given scrape interval and range.
    /// </summary>
    public static string Substitute(string expr, TimeSpan scrapeInterval, TimeSpan range)
    {
        var interval = scrapeInterval;
        var rateInterval = TimeSpan.FromTicks(Math.Max((interval + scrapeInterval).Ticks, 4 * scrapeInterval.Ticks));
        return expr
            .Replace("$api_job", "ollama-orleans-api", StringComparison.Ordinal).Replace("$job", "ollama-orleans", StringComparison.Ordinal)
            .Replace("$site", ".*", StringComparison.Ordinal).Replace("$source", "traffic", StringComparison.Ordinal).Replace("$topk", "10", StringComparison.Ordinal)
            .Replace("${host}", ".*", StringComparison.Ordinal).Replace("$host", ".*", StringComparison.Ordinal)
            .Replace("${model}", ".*", StringComparison.Ordinal).Replace("$model", ".*", StringComparison.Ordinal)
            .Replace("$__rate_interval", Seconds(rateInterval), StringComparison.Ordinal)
            .Replace("$__interval", Seconds(interval), StringComparison.Ordinal)
            .Replace("$__range", Seconds(range), StringComparison.Ordinal);
    }

    private static string Seconds(TimeSpan t) => $"{(int)Math.Ceiling(t.TotalSeconds)}s";
}

/// <summary>One panel: its type, title and queries.</summary>
public sealed record DashboardPanel(int Id, string Type, string Title, JsonElement Json, IReadOnlyList<DashboardQuery> Queries)
{
    public static DashboardPanel From(JsonElement panel)
    {
        var queries = panel.TryGetProperty("targets", out var targets)
            ? targets.EnumerateArray().Select(t => new DashboardQuery(
                t.TryGetProperty("refId", out var r) ? r.GetString()! : "",
                t.TryGetProperty("expr", out var e) ? e.GetString()! : "",
                t.TryGetProperty("instant", out var i) && i.GetBoolean())).ToList()
            : [];
        return new DashboardPanel(panel.GetProperty("id").GetInt32(), panel.GetProperty("type").GetString()!, panel.GetProperty("title").GetString()!, panel, queries);
    }
}

/// <summary>One target of a panel: a PromQL expression, run as an instant or a range query.</summary>
public sealed record DashboardQuery(string RefId, string Expr, bool Instant);
