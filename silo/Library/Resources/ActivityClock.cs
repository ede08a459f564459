namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// Splits wall-clock time between samples into busy (requests in flight) and idle. An interval is
/// busy when the host was busy at either end of it, so a short burst between two idle samples that
/// the faster busy cadence caught at one end still counts as busy.
/// </summary>
public sealed class ActivityClock
{
    private DateTimeOffset? lastAt;
    private bool lastBusy;

    public double BusySeconds { get; private set; }

    public double IdleSeconds { get; private set; }

    /// <returns>The interval since the previous sample (zero at the first) and whether it counts as busy.</returns>
    public (double Seconds, bool Busy) Advance(DateTimeOffset now, bool busy)
    {
        var seconds = lastAt is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0;
        var busyInterval = busy || lastBusy;
        if (busyInterval)
        {
            BusySeconds += seconds;
        }
        else
        {
            IdleSeconds += seconds;
        }

        lastAt = now;
        lastBusy = busy;
        return (seconds, busyInterval);
    }
}
