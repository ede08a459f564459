using OllamaOrleans.Api.Hosting;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Silo.Configuration;

namespace OllamaOrleans.Silo.Hosting;

/// <summary>
/// Once the silo runs, makes the registry follow the configured hosts and activates every host grain.
/// Retries until it succeeds (storage may not be reachable yet); readiness waits for it. A cluster
/// silo without a host list of its own takes the registry as it is.
/// </summary>
public sealed partial class FleetSeeder(
    IGrainFactory grains,
    ConfiguredHosts configured,
    SiloMode mode,
    IClusterMembershipService membership,
    MonitorReadiness readiness,
    TimeProvider time,
    ILogger<FleetSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var fleet = grains.GetGrain<IFleetGrain>(IFleetGrain.Key);
                var hosts = configured.Hosts;
                if (hosts.Count == 0 && mode.IsCluster)
                {
                    // Alone, this silo restarts the registry's hosts (a whole cluster restarted);
                    // joining running silos, it leaves that to their membership watchdogs, which
                    // move its share of the hosts once it has settled in.
                    if (ActiveSilos() <= 1)
                    {
                        await fleet.EnsureHostsActiveAsync();
                    }
                }
                else
                {
                    await fleet.SeedFromConfigurationAsync(hosts);
                    await fleet.EnsureHostsActiveAsync();
                }

                var registered = await fleet.GetHostsAsync();
                LogSeeded(logger, registered.Count, Describe(registered));
                readiness.MarkReady();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                readiness.MarkNotReady($"host registry not seeded yet: {e.Message}");
                LogSeedFailed(logger, e, delay);
                if (!await time.PauseAsync(delay, stoppingToken))
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private int ActiveSilos() => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    private static string Describe(IReadOnlyList<HostRegistration> hosts)
    {
        const int Shown = 10;
        var listed = string.Join(", ", hosts.Take(Shown).Select(h => $"{h.Name} ({h.Url})"));
        return hosts.Count > Shown ? $"{listed} and {hosts.Count - Shown} more" : listed;
    }
}
