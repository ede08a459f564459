using System.Collections.Immutable;
using OllamaOrleans.Protocol.Hosts;

namespace OllamaOrleans.GrainInterfaces.Hosts;

/// <summary>
/// Cumulative poll statistics of one Ollama endpoint on one host: a latency histogram over
/// <see cref="PollLatencyBuckets.UpperBounds"/> (per-bucket, not cumulative, counts; the last is +Inf)
/// and failures by reason. Persisted so that a restart continues the counters.
/// </summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.EndpointPollStats")]
public sealed record EndpointPollStats(
    [property: Id(0)] string Endpoint,
    [property: Id(1)] ImmutableArray<long> BucketCounts,
    [property: Id(2)] double SumSeconds,
    [property: Id(3)] long Count,
    [property: Id(4)] ImmutableSortedDictionary<string, long> ErrorsByReason);
