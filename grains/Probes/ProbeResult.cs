using OllamaOrleans.GrainInterfaces;

namespace OllamaOrleans.Grains.Probes;

/// <summary>A probe that ran (its measured record and, on failure, the message) or was skipped (why).</summary>
public sealed record ProbeResult(InferenceRecord? Record, string? SkipReason, string? Message)
{
    public static ProbeResult Skipped(string reason) => new(null, reason, null);
}
