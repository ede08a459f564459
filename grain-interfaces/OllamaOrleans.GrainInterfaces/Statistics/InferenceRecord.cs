namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>
/// One measured inference request: a synthetic probe, or real traffic measured by the gateway.
/// Durations in seconds; token counts and Ollama's own durations come from the final response object.
/// </summary>
/// <param name="Source">"probe" or "traffic" (the <c>source</c> label).</param>
/// <param name="Endpoint">"generate", "chat", "embed", "embeddings", "v1/chat/completions", ...</param>
/// <param name="Status">The HTTP status ("200", "404", "503", ...) or a failure class ("timeout", "truncated", ...).</param>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.InferenceRecord")]
public sealed record InferenceRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Source,
    [property: Id(2)] string Endpoint,
    [property: Id(3)] string Method,
    [property: Id(4)] string Status,
    [property: Id(5)] double LatencySeconds,
    [property: Id(6)] double? TimeToFirstTokenSeconds,
    [property: Id(7)] double? LoadSeconds,
    [property: Id(8)] long PromptTokens,
    [property: Id(9)] double PromptEvalSeconds,
    [property: Id(10)] long GenerationTokens,
    [property: Id(11)] double GenerationSeconds,
    [property: Id(12)] string? Client = null,
    [property: Id(13)] string? DoneReason = null,
    [property: Id(14)] double? QueueWaitSeconds = null)
{
    public bool Succeeded => Status == "200";
}
