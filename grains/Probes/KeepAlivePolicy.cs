namespace OllamaOrleans.Grains.Probes;

/// <summary>
/// Ollama keeps one keep_alive per runner: the last request that sends one sets it, every later request
/// that sends none reuses it, and each request's end re-arms the expiry to "now + keep_alive"
/// (<c>server/sched.go</c>). So a probe never sends <c>keep_alive</c>: any value it sent would become the
/// keep-alive of the next client request that sends none. A LoadedOnly probe runs only right after a
/// client used the model (<see cref="ProbeTrigger"/>), re-arming what that client just armed. This says,
/// from the <c>/api/ps</c> read right before, when even that probe must not run.
/// </summary>
public static class KeepAlivePolicy
{
    /// <summary>Less time left than this and the probe itself could outlive the expiry.</summary>
    public static readonly TimeSpan MinimumRemaining = TimeSpan.FromSeconds(5);

    /// <returns>Why not to probe, or null to probe (sending no keep_alive).</returns>
    public static string? SkipReason(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is null)
        {
            return "the model's expiry is unknown";
        }

        var remaining = expiresAt.Value - now;
        if (remaining < MinimumRemaining)
        {
            return remaining < TimeSpan.Zero ? "the model is busy or stopping" : "the model is about to expire";
        }

        return null;
    }
}
