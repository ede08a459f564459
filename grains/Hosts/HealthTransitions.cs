namespace OllamaOrleans.Grains.Hosts;

/// <summary>
/// Turns a stream of up/down poll results into transitions, so the log says a host is unreachable
/// once, and again only when that changes, instead of once per poll.
/// </summary>
public sealed class HealthTransitions
{
    private bool? up;
    private DateTimeOffset? downSince;

    /// <summary>How long the host was down before it last came back.</summary>
    public TimeSpan LastDowntime { get; private set; }

    public HealthChange Observe(bool isUp, DateTimeOffset now)
    {
        var before = up;
        up = isUp;
        if (before is null)
        {
            downSince = isUp ? null : now;
            return isUp ? HealthChange.FirstUp : HealthChange.FirstDown;
        }

        if (before == isUp)
        {
            return HealthChange.None;
        }

        if (isUp)
        {
            LastDowntime = now - (downSince ?? now);
            downSince = null;
            return HealthChange.CameBack;
        }

        downSince = now;
        return HealthChange.WentDown;
    }
}
