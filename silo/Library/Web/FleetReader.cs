using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Silo.Hosting;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Silo.Web;

/// <summary>
/// Reads what the fleet page shows. The registered hosts come from the fleet grain; their snapshots
/// from this silo's registry in the embedded default (it holds every host) and from the host grains
/// in a cluster (a silo's registry holds only its own hosts), as <c>/api/v1/fleet</c> reads them. The
/// five-minute statistics come from the host grains as the analytics endpoint reads them, at most once
/// per <see cref="StatisticsMaxAge"/>; the GPUs from this node's <see cref="ResourceRegistry"/>.
/// </summary>
public sealed partial class FleetReader(
    IGrainFactory grains,
    IHostSnapshotRegistry registry,
    ResourceRegistry resources,
    SiloMode mode,
    TimeProvider time,
    ILogger<FleetReader> logger)
{
    public static readonly TimeSpan StatisticsMaxAge = TimeSpan.FromSeconds(5);

    private readonly RecentValue<IReadOnlyList<HostStatistics>> statistics = new(StatisticsMaxAge, time);
    private volatile bool statisticsFailing;

    public async Task<FleetReading> ReadAsync()
    {
        var registered = await grains.GetGrain<IFleetGrain>(IFleetGrain.Key).GetHostsAsync();
        var hosts = await HostsAsync(registered);
        var (stats, error) = await StatisticsAsync(registered);
        return new FleetReading(hosts, stats, error, Gpus());
    }

    private async Task<IReadOnlyList<FleetHost>> HostsAsync(IReadOnlyList<HostRegistration> registered)
    {
        if (!mode.IsCluster)
        {
            var published = registry.Snapshots.ToDictionary(s => s.Name, StringComparer.Ordinal);
            return [.. registered.Select(r => new FleetHost(r.Name, r.Url, published.GetValueOrDefault(r.Name)))];
        }

        var snapshots = await Task.WhenAll(registered.Select(r => grains.GetGrain<IOllamaHostGrain>(r.Name).GetSnapshotAsync()));
        return [.. registered.Zip(snapshots, (r, s) => new FleetHost(r.Name, r.Url, s))];
    }

    private async Task<(IReadOnlyList<HostStatistics>? Statistics, string? Error)> StatisticsAsync(IReadOnlyList<HostRegistration> registered)
    {
        try
        {
            var read = await statistics.GetAsync(async () => await Task.WhenAll(
                registered.Select(r => grains.GetGrain<IOllamaHostGrain>(r.Name).GetStatisticsAsync(StatisticsWindow.FiveMinutes, null))));
            if (statisticsFailing)
            {
                statisticsFailing = false;
                LogStatisticsRecovered(logger);
            }

            return (read, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (!statisticsFailing)
            {
                statisticsFailing = true;
                LogStatisticsFailed(logger, e);
            }

            return (null, e.Message);
        }
    }

    /// <summary>Every host on this node sees the same GPUs; the most recent sample of each is shown.</summary>
    private List<GpuReading> Gpus() =>
    [
        .. resources.Hosts.Select(resources.Get).OfType<HostResources>()
            .OrderByDescending(r => r.SampledAt)
            .SelectMany(r => r.Gpus.Gpus)
            .GroupBy(g => g.Index)
            .Select(g => g.First()),
    ];
}
