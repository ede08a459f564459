using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.Api.Analytics;

/// <summary>
/// Builds the model usage report from the hosts' statistics: merges each model's summaries across
/// hosts (sums and latency sketches, so fleet quantiles are true quantiles) and ranks the models.
/// </summary>
public static class AnalyticsReport
{
    public static ModelAnalytics Build(StatisticsWindow window, string? source, string? host, IReadOnlyList<HostStatistics> hosts, int limit)
    {
        var byModel = new SortedDictionary<string, (SummaryAccumulator Summary, SortedSet<string> Hosts)>(StringComparer.Ordinal);
        var fleet = new SummaryAccumulator(window);
        foreach (var h in hosts)
        {
            fleet.Add(h.Total);
            foreach (var m in h.Models)
            {
                if (!byModel.TryGetValue(m.Model, out var current))
                {
                    current = (new SummaryAccumulator(window), new SortedSet<string>(StringComparer.Ordinal));
                    byModel[m.Model] = current;
                }

                current.Summary.Add(m.Summary);
                current.Hosts.Add(h.Host);
            }
        }

        var models = byModel.Select(m => (Name: m.Key, Summary: m.Value.Summary.ToSummary(), m.Value.Hosts)).ToList();
        var total = fleet.ToSummary();
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
