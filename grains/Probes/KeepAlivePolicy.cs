namespace OllamaOrleans.Grains.Probes;

/// <summary>
/// Ollama sets a model's expiry to "finish of the last request + keep_alive" and keeps the last
/// keep_alive it was sent. A probe that sent none would restart the idle timer; one that sent a fixed
/// value would override the operator's. So a LoadedOnly probe sends the time left until the expiry
/// <c>/api/ps</c> reported: the expiry stays where it was (up to the probe's own duration), and a model
/// kept forever (expiry around year 2318) gets -1. A model whose expiry is in the past is busy or
/// stopping, and one about to expire would be kept alive by the probe: both are skipped.
/// </summary>
public static class KeepAlivePolicy
{
    /// <summary>Less time left than this and the probe itself could outlive the expiry.</summary>
    public static readonly TimeSpan MinimumRemaining = TimeSpan.FromSeconds(5);

    /// <summary>Expiries this far ahead come from a negative keep_alive ("forever").</summary>
    public static readonly TimeSpan Forever = TimeSpan.FromDays(365 * 100);

    public static KeepAliveDecision Decide(ProbeMode mode, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (mode == ProbeMode.Always)
        {
            return KeepAliveDecision.Omit;
        }

        if (expiresAt is null)
        {
            return KeepAliveDecision.Skip("the model's expiry is unknown");
        }

        var remaining = expiresAt.Value - now;
        if (remaining >= Forever)
        {
            return KeepAliveDecision.Send(-1);
        }

        if (remaining < MinimumRemaining)
        {
            return KeepAliveDecision.Skip(remaining < TimeSpan.Zero ? "the model is busy or stopping" : "the model is about to expire");
        }

        return KeepAliveDecision.Send(Math.Round(remaining.TotalSeconds, 3));
    }
}
