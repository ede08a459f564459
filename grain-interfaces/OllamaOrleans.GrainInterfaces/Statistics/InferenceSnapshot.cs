using System.Collections.Immutable;

namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>
/// The cumulative inference counters of one model from one source (probe or traffic): what
/// <c>/metrics</c> renders as <c>ollama_requests_total</c>, the duration histograms and token counters.
/// </summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.InferenceSnapshot")]
public sealed record InferenceSnapshot(
    [property: Id(0)] string Source,
    [property: Id(1)] ImmutableArray<RequestCount> Requests,
    [property: Id(2)] ImmutableArray<EndpointHistogram> RequestDuration,
    [property: Id(3)] HistogramSnapshot GenerationDuration,
    [property: Id(4)] HistogramSnapshot TimeToFirstToken,
    [property: Id(5)] HistogramSnapshot LoadDuration,
    [property: Id(6)] long PromptTokens,
    [property: Id(7)] long GenerationTokens,
    [property: Id(8)] double PromptEvalSeconds,
    [property: Id(9)] double GenerationSeconds,
    [property: Id(10)] double? LastTokensPerSecond)
{
    /// <summary>Estimated wait for a free parallel slot (total minus load, prompt and generation time).</summary>
    [Id(11)]
    public HistogramSnapshot? QueueWait { get; init; }

    /// <summary>Requests that ended with a final object, by its <c>done_reason</c>.</summary>
    [Id(12)]
    public ImmutableSortedDictionary<string, long> DoneReasons { get; init; } = ImmutableSortedDictionary<string, long>.Empty;
}
