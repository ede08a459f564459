namespace OllamaOrleans.Api.Analytics;

/// <summary>Model names ranked, most first: by requests, by tokens (prompt and generated), by error ratio, by p95 latency.</summary>
public sealed record TopModels(
    IReadOnlyList<string> Requests,
    IReadOnlyList<string> Tokens,
    IReadOnlyList<string> ErrorRatio,
    IReadOnlyList<string> P95Latency);
