using OllamaOrleans.GrainInterfaces.Fleet;

namespace OllamaOrleans.Silo.Cluster;

/// <summary>
/// Restarts the registry's hosts as soon as the set of active silos changes, instead of at the fleet
/// reminder's next minute: a dead silo's hosts are re-activated on the survivors, and a joining silo
/// takes over its share (the hosts whose home it now is move there). Every silo does it; starting a
/// running host is cheap and idempotent. Changes are numbered and one pass runs at a time
/// (<see cref="RestartPasses"/>); each pass logs the last change it covers.
/// </summary>
public sealed partial class MembershipWatchdog(
    IClusterMembershipService membership,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<MembershipWatchdog> logger) : BackgroundService
{
    /// <summary>Lets membership settle and the new silo's grain manifest spread before hosts move.</summary>
    public static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan SecondPassDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var passes = new RestartPasses(time, SettleDelay, RestartHostsAsync);
        try
        {
            await Task.WhenAll(WatchAsync(passes, stoppingToken), passes.RunAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WatchAsync(RestartPasses passes, CancellationToken stoppingToken)
    {
        HashSet<SiloAddress>? active = null;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var now = ActiveSilos(snapshot);
            if (active is not null && !now.SetEquals(active))
            {
                var change = passes.Changed();
                LogMembershipChanged(logger, change, active.Except(now).Count(), now.Except(active).Count(), now.Count);
            }

            active = now;
        }
    }

    private static HashSet<SiloAddress> ActiveSilos(ClusterMembershipSnapshot snapshot) =>
        [.. snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];

    private async Task RestartHostsAsync(long change, CancellationToken stoppingToken)
    {
        try
        {
            var fleet = grains.GetGrain<IFleetGrain>(IFleetGrain.Key);
            await fleet.EnsureHostsActiveAsync();

            // Hosts that moved migrated on a best-effort basis; a second pass activates any whose
            // migration a silo that has just joined dropped.
            await Task.Delay(SecondPassDelay, time, stoppingToken);
            await fleet.EnsureHostsActiveAsync();
            LogHostsRestarted(logger, change);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogRestartFailed(logger, change, e.Message);
        }
    }
}
