using System.Threading.Channels;

namespace OllamaOrleans.Silo.Cluster;

/// <summary>
/// Numbers membership changes and runs the watchdog's restart passes one at a time. A pass covers every
/// change numbered up to the latest one when its settle delay begins, so each change it covers is at
/// least the settle delay old when the pass starts its work; changes that arrive later (during the
/// delay or the pass) share the next pass, which begins with a settle delay of its own.
/// </summary>
public sealed class RestartPasses(TimeProvider time, TimeSpan settleDelay, Func<long, CancellationToken, Task> pass)
{
    // Holds at most one wake-up: the loop reads the latest number when it wakes, so one is enough.
    private readonly Channel<bool> wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long latest;

    /// <summary>Numbers a membership change (1, 2, ...) and has a pass cover it.</summary>
    public long Changed()
    {
        var change = Interlocked.Increment(ref latest);
        wakeUp.Writer.TryWrite(true);
        return change;
    }

    /// <summary>Runs the passes until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        long covered = 0;
        while (await wakeUp.Reader.WaitToReadAsync(stoppingToken))
        {
            wakeUp.Reader.TryRead(out _);
            var covering = Interlocked.Read(ref latest);
            if (covering <= covered)
            {
                continue;
            }

            await Task.Delay(settleDelay, time, stoppingToken);
            await pass(covering, stoppingToken);
            covered = covering;
        }
    }
}
