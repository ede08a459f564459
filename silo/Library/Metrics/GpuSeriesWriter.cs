using System.Globalization;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// The GPU families of the hosts whose Ollama runs on this silo's node: the node's GPUs under each
/// such host (<c>gpu_id</c> is the index nvidia-smi shows; <c>ollama_gpu_info</c> carries dcgm-exporter's
/// <c>UUID</c> label to join on), and what the host's processes hold of them.
/// </summary>
public static class GpuSeriesWriter
{
    public static void Write(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts, Func<string, HostResources?> resources)
    {
        var local = hosts.Select(h => resources(h.Name)).OfType<HostResources>().ToList();
        w.Family(MetricNames.GpuAvailable, "gauge", "Whether the host's node has a GPU the monitor can read (1) or none (0).");
        foreach (var r in local)
        {
            w.Sample(MetricNames.GpuAvailable).Label("host", r.Host).Value(r.Gpus.Available ? 1L : 0L);
        }

        var gpus = local.SelectMany(r => r.Gpus.Gpus.Select(g => (r.Host, Gpu: g, Id: g.Index.ToString(CultureInfo.InvariantCulture)))).ToList();
        w.Family(MetricNames.GpuInfo, "gauge", "A GPU's vendor, UUID, name and driver version; always 1.");
        foreach (var (host, g, id) in gpus)
        {
            w.Sample(MetricNames.GpuInfo).Label("host", host).Label("gpu_id", id).Label("vendor", g.Vendor)
                .Label("UUID", g.Uuid).Label("name", g.Name).Label("driver_version", g.DriverVersion).Value(1L);
        }

        Gauge(w, gpus, MetricNames.GpuUsage, "Percent of the last sample period the GPU was busy.", g => g.UtilizationPercent);
        w.Family(MetricNames.GpuMemory, "gauge", "GPU memory in bytes: used (without driver-reserved memory, as nvidia-smi shows it) and total.");
        foreach (var (host, g, id) in gpus.Where(x => x.Gpu.MemoryTotalBytes is not null))
        {
            w.Sample(MetricNames.GpuMemory).Label("host", host).Label("gpu_id", id).Label("type", "used").Value(g.MemoryUsedBytes!.Value);
            w.Sample(MetricNames.GpuMemory).Label("host", host).Label("gpu_id", id).Label("type", "total").Value(g.MemoryTotalBytes!.Value);
        }

        Gauge(w, gpus, MetricNames.GpuTemperature, "GPU temperature in degrees Celsius.", g => g.TemperatureCelsius);
        Gauge(w, gpus, MetricNames.GpuPower, "GPU power draw in watts.", g => g.PowerWatts);
        w.Family(MetricNames.GpuEnergy, "counter", "Energy the GPU used since its driver was loaded, in joules (NVIDIA only).");
        foreach (var (host, g, id) in gpus.Where(x => x.Gpu.EnergyJoules is not null))
        {
            w.Sample(MetricNames.GpuEnergy).Label("host", host).Label("gpu_id", id).Value(g.EnergyJoules!.Value);
        }

        w.Family(MetricNames.GpuActiveSeconds, "counter", "GPU-seconds of activity (utilisation times sampling interval) while the host was busy or idle.");
        foreach (var r in local)
        {
            foreach (var f in r.GpuFigures)
            {
                var id = f.Index.ToString(CultureInfo.InvariantCulture);
                w.Sample(MetricNames.GpuActiveSeconds).Label("host", r.Host).Label("gpu_id", id).Label("state", "busy").Value(f.ActiveSecondsBusy);
                w.Sample(MetricNames.GpuActiveSeconds).Label("host", r.Host).Label("gpu_id", id).Label("state", "idle").Value(f.ActiveSecondsIdle);
            }
        }

        w.Family(MetricNames.GpuProcessMemory, "gauge", "GPU memory held by the host's Ollama processes per role, in bytes (NVIDIA only).");
        foreach (var r in local)
        {
            foreach (var f in r.GpuFigures.Where(f => f.RunnerMemoryBytes is not null))
            {
                var id = f.Index.ToString(CultureInfo.InvariantCulture);
                w.Sample(MetricNames.GpuProcessMemory).Label("host", r.Host).Label("gpu_id", id).Label("role", "server").Value(f.ServerMemoryBytes ?? 0);
                w.Sample(MetricNames.GpuProcessMemory).Label("host", r.Host).Label("gpu_id", id).Label("role", "runner").Value(f.RunnerMemoryBytes!.Value);
            }
        }
    }

    private static void Gauge(PrometheusTextWriter w, List<(string Host, GpuReading Gpu, string Id)> gpus, string name, string help, Func<GpuReading, double?> value)
    {
        w.Family(name, "gauge", help);
        foreach (var (host, g, id) in gpus)
        {
            if (value(g) is { } v)
            {
                w.Sample(name).Label("host", host).Label("gpu_id", id).Value(v);
            }
        }
    }
}
