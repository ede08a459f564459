using System.Buffers;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// The registry's view: one <c>ollama_monitor_host_registered{host}</c> per registered host, written
/// only by the silo where the fleet grain is active, so that an alert finds registered hosts whose
/// series are missing (grain gone, silo gone) and each host is counted once in a cluster.
/// </summary>
public static class RegistrySeriesWriter
{
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<string> registered)
    {
        if (registered.Count == 0)
        {
            return;
        }

        var w = new PrometheusTextWriter(output);
        w.Family(MetricNames.HostRegistered, "gauge", "1 for each host in the fleet registry (configuration or API; not transient), exported by the silo that holds the registry.");
        foreach (var host in registered)
        {
            w.Sample(MetricNames.HostRegistered).Label("host", host).Value(1L);
        }
    }
}
