using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Silo.Resources.Proc;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// One collection cycle: of the hosts whose grains live on this silo, those whose Ollama runs on this
/// node (or that have a configured PID file or cgroup) are sampled when due (every idle interval, every
/// busy interval while busy), from one read of the process table and one of the GPUs, and their
/// <see cref="HostResources"/> published. Hosts that left this silo or node are forgotten at once.
/// </summary>
public sealed class ResourceSampler(
    IHostSnapshotRegistry hosts,
    INodeDirectory nodes,
    HostAddressCache dns,
    IInferenceActivity activity,
    GpuCollector gpus,
    ResourceRegistry registry,
    IOptions<ResourceOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ResourceOptions settings = options.Value;
    private readonly ProcFs proc = new(options.Value.ProcRoot);
    private readonly Dictionary<string, HostProcessTracker> trackers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcessSourceOptions> sources =
        options.Value.Processes.Where(p => p.Host is not null).ToDictionary(p => p.Host!, StringComparer.Ordinal);

    /// <returns>The number of hosts sampled in this cycle.</returns>
    public async Task<int> CollectAsync()
    {
        var now = time.GetUtcNow();
        var snapshots = hosts.Snapshots;
        var present = snapshots.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in trackers.Keys.Where(k => !present.Contains(k)).ToList())
        {
            Forget(gone);
        }

        var due = new List<(HostProcessTracker Tracker, bool Busy)>();
        foreach (var host in snapshots)
        {
            if (await TrackerFor(host) is not { } tracker)
            {
                continue;
            }

            // Busy hosts are sampled at the busy cadence, and so is the first sample after a burst (it
            // closes the burst) and the second sample (the first is only a baseline).
            var busy = activity.IsBusy(host.Name);
            var interval = busy || tracker.LastBusy || tracker.Samples < 2 ? settings.BusyInterval : settings.IdleInterval;
            if (tracker.LastSampleAt is not { } last || now - last >= interval)
            {
                due.Add((tracker, busy));
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var table = proc.ReadTable();
        var gpu = gpus.Read();
        List<ListeningSocket>? listening = null;
        IReadOnlyList<ListeningSocket> Listening() => listening ??= proc.Listening();
        foreach (var (tracker, busy) in due)
        {
            var addresses = await dns.ResolveAsync(tracker.Url.DnsSafeHost);
            registry.Publish(tracker.Sample(table, Listening, now, busy, gpu, addresses));
        }

        return due.Count;
    }

    private async ValueTask<HostProcessTracker?> TrackerFor(HostSnapshot host)
    {
        var configured = sources.GetValueOrDefault(host.Name);
        var url = new Uri(host.Registration.Url);
        if (configured is null && !await nodes.IsLocalAsync(host.Registration.Url))
        {
            Forget(host.Name);
            return null;
        }

        if (trackers.TryGetValue(host.Name, out var tracker) && tracker.Url == url)
        {
            return tracker;
        }

        var cgroupRoot = Path.Combine(settings.SysRoot, "fs", "cgroup");
        tracker = new HostProcessTracker(host.Name, url, configured, proc, cgroupRoot, settings.IdleInterval, loggers.CreateLogger<HostProcessTracker>());
        trackers[host.Name] = tracker;
        return tracker;
    }

    private void Forget(string host)
    {
        if (trackers.Remove(host))
        {
            registry.Remove(host);
        }
    }
}
