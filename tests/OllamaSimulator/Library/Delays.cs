namespace OllamaSimulator;

/// <summary>Delays on the simulation's clock that never end early.</summary>
internal static class Delays
{
    /// <summary>
    /// Waits at least <paramref name="delay"/> as <paramref name="time"/> measures it: system timers have a
    /// coarse tick and may fire a little early, which a test asserting "took at least N ms" would catch.
    /// </summary>
    public static async Task AtLeastAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var remaining = delay; remaining > TimeSpan.Zero; remaining = delay - time.GetElapsedTime(started))
        {
            await Task.Delay(remaining, time, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
