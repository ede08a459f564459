using System.Collections.Immutable;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>
/// One model's (or a rollup's) traffic over a rolling window: requests, errors by class, tokens,
/// throughput and latency quantiles. <see cref="LatencyBins"/> is the mergeable latency sketch, so
/// host and fleet rollups compute true quantiles rather than averaging percentiles.
/// </summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.WindowSummary")]
public sealed record WindowSummary(
    [property: Id(0)] StatisticsWindow Window,
    [property: Id(1)] long Requests,
    [property: Id(2)] ImmutableSortedDictionary<string, long> ErrorsByClass,
    [property: Id(3)] long PromptTokens,
    [property: Id(4)] long GenerationTokens,
    [property: Id(5)] double GenerationSeconds,
    [property: Id(6)] ImmutableSortedDictionary<int, long> LatencyBins)
{
    public long Errors => ErrorsByClass.Values.Sum();

    public double ErrorRatio => Requests == 0 ? 0 : (double)Errors / Requests;

    public double? TokensPerSecond => GenerationSeconds > 0 ? GenerationTokens / GenerationSeconds : null;

    public double? Quantile(double q) => SketchMath.Quantile(LatencyBins, q);

    /// <summary>The rollup of two summaries of the same window: sums, and merged latency bins.</summary>
    public WindowSummary Merge(WindowSummary other) => new SummaryAccumulator(Window).Add(this).Add(other).ToSummary();

    public static WindowSummary Empty(StatisticsWindow window) =>
        new(window, 0, ImmutableSortedDictionary<string, long>.Empty, 0, 0, 0, ImmutableSortedDictionary<int, long>.Empty);
}
