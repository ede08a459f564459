using System.Collections.Immutable;

namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>
/// Adds many <see cref="WindowSummary"/>s into one without building an immutable summary per step:
/// a fleet rollup of a thousand models merges their latency bins once.
/// </summary>
public sealed class SummaryAccumulator(StatisticsWindow window)
{
    private readonly Dictionary<string, long> errors = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> bins = [];
    private long requests;
    private long promptTokens;
    private long generationTokens;
    private double generationSeconds;

    public SummaryAccumulator Add(WindowSummary summary)
    {
        requests += summary.Requests;
        promptTokens += summary.PromptTokens;
        generationTokens += summary.GenerationTokens;
        generationSeconds += summary.GenerationSeconds;
        foreach (var (name, count) in summary.ErrorsByClass)
        {
            errors[name] = errors.GetValueOrDefault(name) + count;
        }

        foreach (var (bin, count) in summary.LatencyBins)
        {
            bins[bin] = bins.GetValueOrDefault(bin) + count;
        }

        return this;
    }

    public WindowSummary ToSummary() => new(
        window,
        requests,
        errors.ToImmutableSortedDictionary(StringComparer.Ordinal),
        promptTokens,
        generationTokens,
        generationSeconds,
        bins.ToImmutableSortedDictionary());
}
