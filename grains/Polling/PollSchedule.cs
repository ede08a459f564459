namespace OllamaOrleans.Grains.Polling;

/// <summary>When a newly activated host grain polls first.</summary>
public static class PollSchedule
{
    /// <summary>How many intervals back a last poll still counts as "the host is being monitored".</summary>
    public const int RecentIntervals = 5;

    /// <summary>
    /// Whether the activation that left this state stopped cleanly after its last poll: a clean stop
    /// writes when it stopped, a crash leaves a last poll later than any such mark (or no mark).
    /// </summary>
    public static bool StoppedCleanly(DateTimeOffset? lastPollAt, DateTimeOffset? stoppedAt) =>
        lastPollAt is not { } last || stoppedAt >= last;

    /// <summary>
    /// An activation that continues a host polled less than an interval ago after a clean stop (a
    /// migration, a silo handing its hosts over as it stops) keeps the host's cadence, so moving never
    /// leaves a host unpolled for longer than one interval; one that takes over after a crash (a
    /// fail-over: the host's poll is already late by the time the death is noticed), or one overdue by
    /// a few intervals, polls at once. Any other (a first start, a restart of the whole cluster) waits
    /// a random part of the start delay, so a fleet does not poll in lockstep.
    /// </summary>
    /// <param name="fraction">A number from 0 to 1 that picks the part of the start delay.</param>
    /// <param name="stoppedCleanly">Whether the previous activation stopped cleanly after its last poll.</param>
    public static TimeSpan FirstDelay(DateTimeOffset? lastPollAt, DateTimeOffset now, PollingOptions polling, double fraction, bool stoppedCleanly = true)
    {
        if (lastPollAt is { } last)
        {
            var due = last + polling.Interval - now;
            if (!stoppedCleanly && now - last <= polling.Interval * RecentIntervals)
            {
                // A fail-over: the host went unpolled since its silo died; poll now.
                return TimeSpan.Zero;
            }

            if (due >= TimeSpan.Zero)
            {
                return due <= polling.Interval ? due : polling.Interval;
            }

            // Overdue, and recently polled: a fail-over or a hand-over that took a while. Poll now.
            if (now - last <= polling.Interval * RecentIntervals)
            {
                return TimeSpan.Zero;
            }
        }

        var maxDelay = TimeSpan.FromTicks(Math.Min(polling.MaxStartDelay.Ticks, polling.Interval.Ticks));
        return TimeSpan.FromTicks((long)(Math.Clamp(fraction, 0, 1) * maxDelay.Ticks));
    }
}
