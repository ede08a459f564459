using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.Grains.Statistics;

/// <summary>
/// A model's rolling statistics over 1 min, 5 min, 1 h and 24 h. Every record goes into three rings of
/// buckets: 10 s (covering 5 min), 1 min (covering 1 h) and 1 h (covering 24 h); a window is the sum of
/// the buckets of its ring that started within it, so a window's edge is accurate to its ring's
/// resolution. Only buckets with traffic exist, so an idle model costs nothing. Persisted as is.
/// </summary>
public sealed class RollingWindows
{
    public const int FineSeconds = 10;
    public const int MediumSeconds = 60;
    public const int CoarseSeconds = 3600;

    public List<StatsBucket> Fine { get; set; } = [];

    public List<StatsBucket> Medium { get; set; } = [];

    public List<StatsBucket> Coarse { get; set; } = [];

    public void Record(RequestRecord record)
    {
        var at = record.At.ToUnixTimeSeconds();
        Ring(Fine, at, FineSeconds, 300).Add(record);
        Ring(Medium, at, MediumSeconds, 3600).Add(record);
        Ring(Coarse, at, CoarseSeconds, 86400).Add(record);
    }

    public WindowSummary Summarize(StatisticsWindow window, DateTimeOffset now)
    {
        var (ring, resolution) = window switch
        {
            StatisticsWindow.OneMinute or StatisticsWindow.FiveMinutes => (Fine, FineSeconds),
            StatisticsWindow.OneHour => (Medium, MediumSeconds),
            _ => (Coarse, CoarseSeconds),
        };
        var nowSeconds = now.ToUnixTimeSeconds();
        var from = Align(nowSeconds - (long)window.Length().TotalSeconds, resolution) + resolution;
        var total = new StatsBucket();
        foreach (var bucket in ring)
        {
            if (bucket.Start >= from && bucket.Start <= nowSeconds)
            {
                total.Merge(bucket);
            }
        }

        return ToSummary(window, total);
    }

    public static WindowSummary ToSummary(StatisticsWindow window, StatsBucket total) => new(
        window,
        total.Requests,
        total.Errors.ToImmutableSortedDictionary(StringComparer.Ordinal),
        total.PromptTokens,
        total.GenerationTokens,
        total.GenerationSeconds,
        total.Latency.Bins.ToImmutableSortedDictionary());

    private static StatsBucket Ring(List<StatsBucket> ring, long at, int resolution, int span)
    {
        var start = Align(at, resolution);
        ring.RemoveAll(b => b.Start <= start - span);
        for (var i = ring.Count - 1; i >= 0; i--)
        {
            if (ring[i].Start == start)
            {
                return ring[i];
            }
        }

        var bucket = new StatsBucket { Start = start };
        ring.Add(bucket);
        ring.Sort((a, b) => a.Start.CompareTo(b.Start));
        return bucket;
    }

    private static long Align(long seconds, int resolution) => seconds - (((seconds % resolution) + resolution) % resolution);
}
