namespace OllamaOrleans.Grains.Polling;

/// <summary>When a newly activated host grain polls first.</summary>
public static class PollSchedule
{
    /// <summary>
    /// An activation that continues a host polled less than an interval ago (a migration, a silo
    /// handing its hosts over as it stops, a fail-over) keeps the host's cadence, so moving never
    /// leaves a host unpolled for longer than one interval. Any other (a first start, a restart of
    /// the whole cluster) waits a random part of the start delay, so a fleet does not poll in lockstep.
    /// </summary>
    /// <param name="fraction">A number from 0 to 1 that picks the part of the start delay.</param>
    public static TimeSpan FirstDelay(DateTimeOffset? lastPollAt, DateTimeOffset now, PollingOptions polling, double fraction)
    {
        if (lastPollAt is { } last)
        {
            var due = last + polling.Interval - now;
            if (due >= TimeSpan.Zero)
            {
                return due <= polling.Interval ? due : polling.Interval;
            }
        }

        var maxDelay = TimeSpan.FromTicks(Math.Min(polling.MaxStartDelay.Ticks, polling.Interval.Ticks));
        return TimeSpan.FromTicks((long)(Math.Clamp(fraction, 0, 1) * maxDelay.Ticks));
    }
}
