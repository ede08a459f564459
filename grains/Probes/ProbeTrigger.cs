using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.Grains.Probes;

/// <summary>
/// When a LoadedOnly probe may run: only right after a client used the model, so that the probe, which
/// sends no keep_alive, re-arms the expiry that client just armed, with the keep-alive it left on the
/// runner. A use is seen when a poll finds the model newly loaded or its <c>expires_at</c> changed
/// (Ollama moves it only when a request ends), or when the gateway reports a request. Idle models are
/// never probed: they unload exactly when they would have without the monitor.
/// </summary>
public sealed class ProbeTrigger
{
    /// <summary>
    /// How long after a use was seen a probe may still start. The probe moves the expiry by the time
    /// between the client's request and its own end: at most a poll interval plus this plus its own
    /// duration.
    /// </summary>
    public static readonly TimeSpan UseLifetime = TimeSpan.FromSeconds(10);

    private DateTimeOffset? baseline;
    private DateTimeOffset? usedAt;
    private DateTimeOffset? probedAt;
    private bool probing;

    /// <summary>When the last probe that ran started; null before the first.</summary>
    public DateTimeOffset? ProbedAt => probedAt;

    /// <summary>What a poll saw: the model loaded (with its expiry) or not, and the loads counted since the last poll.</summary>
    public void Observe(LoadedModel? loaded, int loads, DateTimeOffset now)
    {
        if (loaded is null)
        {
            baseline = null;
            usedAt = null;
            return;
        }

        // The first sighting after an activation is only a baseline; a load or a moved expiry is a
        // client's request ending (or starting: a model still loading shows "now + keep_alive").
        // While this grain's own probe runs, a moved expiry may be the probe's.
        if (!probing && (loads > 0 || (baseline is not null && loaded.ExpiresAt != baseline)))
        {
            usedAt = now;
        }

        baseline = loaded.ExpiresAt;
    }

    /// <summary>The gateway measured a client request to this model.</summary>
    public void ClientRequest(DateTimeOffset now) => usedAt = now;

    /// <summary>Starts a probe when <see cref="WhyNot"/> allows it.</summary>
    /// <returns>Why not, or null when the probe may start (it is then marked running).</returns>
    public string? TryStart(DateTimeOffset now, TimeSpan? minimumGap)
    {
        var reason = WhyNot(now, minimumGap);
        probing |= reason is null;
        return reason;
    }

    /// <summary>
    /// Why a probe may not start now, or null when it may; <paramref name="minimumGap"/> (the probe
    /// interval) spaces the probes that follow uses, null for a probe asked for explicitly.
    /// </summary>
    public string? WhyNot(DateTimeOffset now, TimeSpan? minimumGap)
    {
        if (probing)
        {
            return "a probe of this model is running";
        }

        if (usedAt is null || (probedAt is not null && usedAt <= probedAt))
        {
            return "no client used the model since the last probe";
        }

        if (now - usedAt > UseLifetime)
        {
            return "the last client request is too long ago: a probe now would extend the model's keep-alive";
        }

        if (minimumGap is { } gap && probedAt is not null && now - probedAt < gap)
        {
            return "the model was probed less than an interval ago";
        }

        return null;
    }

    /// <summary>
    /// Ends what <see cref="TryStart"/> started. <paramref name="ran"/>: the probe's request was sent;
    /// <paramref name="expiresAfter"/>: the expiry <c>/api/ps</c> showed after it, so the probe's own
    /// move of the expiry is not taken for a client's.
    /// </summary>
    public void Finish(DateTimeOffset startedAt, bool ran, DateTimeOffset? expiresAfter)
    {
        probing = false;
        if (!ran)
        {
            return;
        }

        probedAt = startedAt;
        baseline = expiresAfter;
    }
}
