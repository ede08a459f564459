using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Grains.Statistics;

/// <summary>
/// One measured inference request (a probe, or real traffic seen by the gateway), as the rolling
/// statistics and the cumulative counters take it.
/// </summary>
/// <param name="Outcome">"ok", or the failure class (the <c>status</c> label: "404", "503", "timeout", ...).</param>
public sealed record RequestRecord(
    DateTimeOffset At,
    string Outcome,
    double LatencySeconds,
    long PromptTokens,
    long GenerationTokens,
    double GenerationSeconds)
{
    public bool IsError => Outcome != RequestOutcomes.Ok;
}
