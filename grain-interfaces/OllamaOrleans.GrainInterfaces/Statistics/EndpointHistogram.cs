namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>The request-latency histogram of one endpoint.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.EndpointHistogram")]
public sealed record EndpointHistogram(
    [property: Id(0)] string Endpoint,
    [property: Id(1)] HistogramSnapshot Histogram);
