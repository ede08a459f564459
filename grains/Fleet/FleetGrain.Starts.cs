namespace OllamaOrleans.Grains.Fleet;

/// <summary>
/// The start passes: one at a time (<see cref="PassCoalescer"/>), each over a snapshot of the
/// registry's names with a bounded number of starts in flight (<see cref="BoundedStarts"/>).
/// <c>EnsureHostsActiveAsync</c> interleaves with the other calls, so a host may be removed or
/// changed during a pass: each start reads the host's registration when it is sent, and skips a
/// host no longer registered.
/// </summary>
public sealed partial class FleetGrain
{
    /// <summary>Host starts in flight at most: enough to keep the silos busy, few enough not to swamp placement.</summary>
    public const int ConcurrentStarts = 100;

    public Task EnsureHostsActiveAsync() => (passes ??= new PassCoalescer(StartPassAsync)).RunAsync();

    private async Task StartPassAsync()
    {
        var began = time.GetTimestamp();
        string[] names = [.. state.State.Hosts.Keys];
        (string Host, string Reason)? firstFailure = null;
        var tally = await BoundedStarts.RunAsync(names, ConcurrentStarts, StartIfRegisteredAsync, (host, e) =>
        {
            firstFailure ??= (host, e.Message);
            LogHostStartFailed(logger, e, host);
        });
        var took = time.GetElapsedTime(began);
        if (firstFailure is { } failure)
        {
            LogPassFailures(logger, tally.Started, tally.Failed, tally.Total, took.TotalSeconds, failure.Host, failure.Reason);
        }
        else
        {
            LogPassDone(logger, tally.Started, tally.Skipped, tally.Total, took.TotalSeconds);
        }
    }

    private async Task<bool> StartIfRegisteredAsync(string name)
    {
        if (!state.State.Hosts.TryGetValue(name, out var registration))
        {
            return false;
        }

        await StartHostAsync(registration);
        return true;
    }
}
