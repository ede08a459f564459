using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Registry;

namespace OllamaOrleans.Silo.Cluster;

/// <summary>
/// A graceful stop in a cluster hands this silo's hosts over before Orleans stops: placement stops
/// picking this silo (<see cref="SiloDraining"/>) and every host grain here migrates with its state,
/// keeping its polling cadence, so a rolling restart leaves no host unpolled. Registered after the
/// silo, so the host stops it first.
/// </summary>
public sealed partial class HostHandover(
    IGrainFactory grains,
    IHostSnapshotRegistry registry,
    SiloDraining draining,
    ILogger<HostHandover> logger) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        draining.Start();
        var hosts = registry.Snapshots.Select(s => s.Registration.Name).ToList();
        if (hosts.Count == 0)
        {
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await Parallel.ForEachAsync(hosts, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = limit.Token },
                async (host, _) => await grains.GetGrain<IOllamaHostGrain>(host).HandOverAsync());
            while (registry.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
            }

            // Orleans accepts a migrating grain on a best-effort basis (a silo that has just joined
            // may drop it); a call activates any that was dropped, placed elsewhere since this silo
            // is draining.
            await Parallel.ForEachAsync(hosts, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = limit.Token },
                async (host, _) => await grains.GetGrain<IOllamaHostGrain>(host).GetSnapshotAsync());
            LogHandedOver(logger, hosts.Count);
        }
        catch (Exception e) when (e is OperationCanceledException or OrleansException or TimeoutException)
        {
            LogHandoverIncomplete(logger, hosts.Count, registry.Count, e.Message);
        }
    }
}
