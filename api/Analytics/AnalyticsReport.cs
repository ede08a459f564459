using OllamaOrleans.GrainInterfaces;

namespace OllamaOrleans.Api.Analytics;

/// <summary>
/// Builds the model usage report from the hosts' statistics: merges each model's summaries across
/// hosts (sums and latency sketches, so fleet quantiles are true quantiles) and ranks the models.
/// </summary>
public static class AnalyticsReport
{
    public static ModelAnalytics Build(StatisticsWindow window, string? source, string? host, IReadOnlyList<HostStatistics> hosts, int limit)
    {
        var byModel = new SortedDictionary<string, (WindowSummary Summary, SortedSet<string> Hosts)>(StringComparer.Ordinal);
        foreach (var h in hosts)
        {
            foreach (var m in h.Models)
            {
                var current = byModel.TryGetValue(m.Model, out var found) ? found : (Summary: WindowSummary.Empty(window), Hosts: new SortedSet<string>(StringComparer.Ordinal));
                current.Hosts.Add(h.Host);
                byModel[m.Model] = (current.Summary.Merge(m.Summary), current.Hosts);
            }
        }

        var models = byModel.Select(m => (Name: m.Key, m.Value.Summary, m.Value.Hosts)).ToList();
        var total = hosts.Aggregate(WindowSummary.Empty(window), (sum, h) => sum.Merge(h.Total));
        var active = models.Where(m => m.Summary.Requests > 0).ToList();
        var top = new TopModels(
            Rank(active, m => m.Summary.Requests, limit),
            Rank(active, m => m.Summary.PromptTokens + m.Summary.GenerationTokens, limit),
            Rank(active, m => m.Summary.ErrorRatio, limit),
            Rank(active, m => m.Summary.Quantile(0.95) ?? 0, limit));
        return new ModelAnalytics(
            window.Name(),
            source ?? "all",
            host,
            StatsView.From(total),
            [.. hosts.OrderBy(h => h.Host, StringComparer.Ordinal).Select(h => new HostView(h.Host, StatsView.From(h.Total)))],
            [.. models.Select(m => new ModelView(m.Name, [.. m.Hosts], StatsView.From(m.Summary)))],
            top);
    }

    private static List<string> Rank<T>(List<(string Name, WindowSummary Summary, SortedSet<string> Hosts)> models, Func<(string Name, WindowSummary Summary, SortedSet<string> Hosts), T> key, int limit) =>
        [.. models.OrderByDescending(key).ThenBy(m => m.Name, StringComparer.Ordinal).Take(limit).Select(m => m.Name)];
}
