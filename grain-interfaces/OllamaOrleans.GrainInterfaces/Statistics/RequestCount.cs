namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>Requests of one endpoint, method and status: one <c>ollama_requests_total</c> series.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.RequestCount")]
public sealed record RequestCount(
    [property: Id(0)] string Endpoint,
    [property: Id(1)] string Method,
    [property: Id(2)] string Status,
    [property: Id(3)] long Count);
