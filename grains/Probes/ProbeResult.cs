using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.Grains.Probes;

/// <summary>
/// A probe that ran (its measured record, on failure the message, and for LoadedOnly the expiry
/// <c>/api/ps</c> showed right after it) or was skipped (why).
/// </summary>
public sealed record ProbeResult(InferenceRecord? Record, string? SkipReason, string? Message, DateTimeOffset? ExpiresAfter = null)
{
    public static ProbeResult Skipped(string reason) => new(null, reason, null);
}
