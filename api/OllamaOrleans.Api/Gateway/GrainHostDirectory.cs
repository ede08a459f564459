using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OllamaOrleans.Api.Hosting;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// The gateway's host directory in a cluster, where no single registry holds every host: the hosts'
/// snapshots are fetched from their grains every few seconds (the routing data may be that old).
/// </summary>
public sealed partial class GrainHostDirectory(IGrainFactory grains, TimeProvider time, ILogger<GrainHostDirectory> logger) : BackgroundService, IHostDirectory
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    private volatile IReadOnlyDictionary<string, HostSnapshot> hosts = new Dictionary<string, HostSnapshot>();
    private long refreshedTicks;

    public HostSnapshot? Find(string name) => hosts.GetValueOrDefault(name);

    public IReadOnlyList<HostSnapshot> All => [.. hosts.Values.OrderBy(h => h.Name, StringComparer.Ordinal)];

    /// <summary>When the hosts were last read from the cluster; null before the first read.</summary>
    private DateTimeOffset? Refreshed => Interlocked.Read(ref refreshedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Null when the directory is recent (<see cref="DirectoryFreshness"/>); else why not.</summary>
    public string? Unready() => DirectoryFreshness.Unready(Refreshed, time.GetUtcNow());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        do
        {
            try
            {
                var registered = await grains.GetGrain<IFleetGrain>(IFleetGrain.Key).GetHostsAsync();
                var snapshots = await Task.WhenAll(registered.Select(r => grains.GetGrain<IOllamaHostGrain>(r.Name).GetSnapshotAsync()));
                hosts = snapshots.Where(s => s is not null).ToDictionary(s => s!.Name, s => s!, StringComparer.Ordinal);
                Interlocked.Exchange(ref refreshedTicks, time.GetUtcNow().UtcTicks);
                failing = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (!failing)
                {
                    LogRefreshFailed(logger, e);
                }

                failing = true;
            }
        }
        while (await time.PauseAsync(Refresh, stoppingToken));
    }
}
