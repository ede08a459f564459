using OllamaOrleans.GrainInterfaces.Fleet;

namespace OllamaOrleans.Silo.Cluster;

/// <summary>
/// Restarts the registry's hosts as soon as the set of active silos changes, instead of at the fleet
/// reminder's next minute: a dead silo's hosts are re-activated on the survivors, and a joining silo
/// takes over its share (the hosts whose home it now is move there). Every silo does it; starting a
/// running host is cheap and idempotent.
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
        HashSet<SiloAddress>? active = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var now = ActiveSilos(snapshot);
                if (active is not null && !now.SetEquals(active))
                {
                    LogMembershipChanged(logger, active.Except(now).Count(), now.Except(active).Count(), now.Count);
                    _ = RestartHostsAsync(stoppingToken);
                }

                active = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static HashSet<SiloAddress> ActiveSilos(ClusterMembershipSnapshot snapshot) =>
        [.. snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];

    private async Task RestartHostsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(SettleDelay, time, stoppingToken);
            var fleet = grains.GetGrain<IFleetGrain>(IFleetGrain.Key);
            await fleet.EnsureHostsActiveAsync();

            // Hosts that moved migrated on a best-effort basis; a second pass activates any whose
            // migration a silo that has just joined dropped.
            await Task.Delay(SecondPassDelay, time, stoppingToken);
            await fleet.EnsureHostsActiveAsync();
            LogHostsRestarted(logger);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogRestartFailed(logger, e.Message);
        }
    }
}
