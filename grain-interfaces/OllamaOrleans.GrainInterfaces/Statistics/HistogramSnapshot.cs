using System.Collections.Immutable;

namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>A cumulative histogram's per-bucket counts (not cumulative; the last is +Inf), sum and count.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.HistogramSnapshot")]
public sealed record HistogramSnapshot(
    [property: Id(0)] ImmutableArray<long> BucketCounts,
    [property: Id(1)] double Sum,
    [property: Id(2)] long Count);
