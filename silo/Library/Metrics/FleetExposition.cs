using System.Buffers;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Silo.Resources;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// Renders the fleet's series from the snapshots of the host grains on this silo. Written per scrape
/// from immutable snapshots (the exporter guideline's "const metrics"): no grain calls, nothing
/// stale, cost proportional to the series.
/// </summary>
public static class FleetExposition
{
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<HostSnapshot> hosts) => Write(output, hosts, _ => null);

    /// <param name="resources">The process and GPU figures of a host whose Ollama runs on this node, else null.</param>
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<HostSnapshot> hosts, Func<string, HostResources?> resources)
    {
        var w = new PrometheusTextWriter(output);
        w.Family(MetricNames.MonitorHosts, "gauge", "Ollama hosts whose grains are active on this silo and exported here (transient hosts are served by /probe only).");
        w.Sample(MetricNames.MonitorHosts).Value((long)hosts.Count);
        WriteHosts(w, hosts, resources);
    }

    /// <summary>The hosts' own series, without the silo's: what <c>/probe</c> answers.</summary>
    public static void WriteHosts(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts, Func<string, HostResources?> resources)
    {
        HostSeriesWriter.Write(w, hosts);
        ModelSeriesWriter.Write(w, hosts);
        InferenceSeriesWriter.Write(w, hosts);
        ResourceSeriesWriter.Write(w, hosts, resources);
        GpuSeriesWriter.Write(w, hosts, resources);
    }
}
