using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Silo.Resources;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// The process families of the hosts whose Ollama runs on this silo's node, per role (<c>server</c>,
/// <c>runner</c>). Gauges of a role appear once the server is found (runners: 0 when none run);
/// counters appear for every local host and only grow.
/// </summary>
public static class ResourceSeriesWriter
{
    public static void Write(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts, Func<string, HostResources?> resources)
    {
        w.Family(MetricNames.ResourcesLocal, "gauge", "Whether this silo runs on the host's node and exports its process and GPU figures (1) or not (0).");
        foreach (var h in hosts)
        {
            w.Sample(MetricNames.ResourcesLocal).Label("host", h.Name).Value(resources(h.Name) is null ? 0L : 1L);
        }

        var local = hosts.Select(h => resources(h.Name)).OfType<HostResources>().ToList();
        w.Family(MetricNames.ResourceLastSample, "gauge", "When the host's processes and GPUs were last sampled (Unix seconds).");
        foreach (var r in local)
        {
            w.Sample(MetricNames.ResourceLastSample).Label("host", r.Host).Value(HostSeriesWriter.UnixSeconds(r.SampledAt));
        }

        w.Family(MetricNames.ActivitySeconds, "counter", "Seconds the host spent busy (requests in flight) or idle, as the resource collector saw it.");
        foreach (var r in local)
        {
            w.Sample(MetricNames.ActivitySeconds).Label("host", r.Host).Label("state", "busy").Value(r.BusySeconds);
            w.Sample(MetricNames.ActivitySeconds).Label("host", r.Host).Label("state", "idle").Value(r.IdleSeconds);
        }

        w.Family(MetricNames.Processes, "gauge", "Ollama processes found per role: the server, and the runners (its descendants) that hold the models.");
        PerRole(w, local, MetricNames.Processes, _ => true, f => f.Processes);

        w.Family(MetricNames.CpuUsage, "gauge", "CPU used per role over the last sampling interval, in percent of one core (can exceed 100).");
        foreach (var r in local.Where(Found))
        {
            Role(w, MetricNames.CpuUsage, r, "server", r.Server.CpuPercent);
            Role(w, MetricNames.CpuUsage, r, "runner", r.Runner.CpuPercent);
        }

        w.Family(MetricNames.CpuSeconds, "counter", "CPU seconds used per role while the host was busy or idle; continues across process restarts.");
        foreach (var r in local)
        {
            foreach (var (role, f) in Roles(r))
            {
                w.Sample(MetricNames.CpuSeconds).Label("host", r.Host).Label("role", role).Label("state", "busy").Value(f.CpuSecondsBusy);
                w.Sample(MetricNames.CpuSeconds).Label("host", r.Host).Label("role", role).Label("state", "idle").Value(f.CpuSecondsIdle);
            }
        }

        w.Family(MetricNames.MemoryUsage, "gauge", "Resident memory per role in bytes (sum of the processes' RSS).");
        PerRole(w, local.Where(Found), MetricNames.MemoryUsage, _ => true, f => f.MemoryBytes);

        w.Family(MetricNames.DiskRead, "counter", "Bytes the role's processes caused to be read from storage (model loading), from /proc/[pid]/io read_bytes.");
        PerRole(w, local, MetricNames.DiskRead, f => f.StorageReadBytes is not null, f => f.StorageReadBytes!.Value);
    }

    private static bool Found(HostResources r) => r.Server.Processes > 0;

    private static IEnumerable<(string Role, RoleFigures Figures)> Roles(HostResources r) => [("server", r.Server), ("runner", r.Runner)];

    private static void PerRole(PrometheusTextWriter w, IEnumerable<HostResources> local, string name, Func<RoleFigures, bool> present, Func<RoleFigures, long> value)
    {
        foreach (var r in local)
        {
            foreach (var (role, f) in Roles(r).Where(x => present(x.Figures)))
            {
                w.Sample(name).Label("host", r.Host).Label("role", role).Value(value(f));
            }
        }
    }

    private static void Role(PrometheusTextWriter w, string name, HostResources r, string role, double? value)
    {
        if (value is { } v)
        {
            w.Sample(name).Label("host", r.Host).Label("role", role).Value(v);
        }
    }
}
