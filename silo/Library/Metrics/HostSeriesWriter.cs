using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>The host-level families: availability, version, model counts, poll freshness and poll health.</summary>
public static class HostSeriesWriter
{
    public static void Write(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts)
    {
        w.Family(MetricNames.Up, "gauge", "Whether the Ollama host answered its last poll (1) or not (0).");
        foreach (var h in hosts)
        {
            w.Sample(MetricNames.Up).Label("host", h.Name).Value(h.Up ? 1L : 0L);
        }

        w.Family(MetricNames.BuildInfo, "gauge", "The Ollama version a host last reported; always 1.");
        foreach (var h in hosts.Where(h => h.Version is not null))
        {
            w.Sample(MetricNames.BuildInfo).Label("host", h.Name).Label("version", h.Version!).Value(1L);
        }

        w.Family(MetricNames.HostInfo, "gauge", "A monitored host's URL, how it was registered (configuration, api, transient) and operator labels (label_*); always 1.");
        foreach (var h in hosts)
        {
            w.Sample(MetricNames.HostInfo).Label("host", h.Name).Label("url", h.Registration.Url).Label("registration", h.Registration.Source.Name());
            foreach (var (key, value) in h.Registration.Labels)
            {
                w.Label("label_" + key, value);
            }

            w.Value(1L);
        }

        Gauge(w, hosts, MetricNames.ModelsAvailable, "Local models on the host's disk (/api/tags without cloud models).", h => h.ModelsAvailable);
        Gauge(w, hosts, MetricNames.ModelsLoaded, "Models loaded in memory (/api/ps).", h => h.ModelsLoaded);
        Gauge(w, hosts, MetricNames.ModelsCloud, "Cloud models /api/tags lists: proxied to their remote host, not on disk, never loaded.", h => h.ModelsCloud);
        Gauge(w, hosts, MetricNames.ModelsDiskBytes, "Bytes of all local models on the host's disk.", h => h.Models.Where(m => !m.IsCloud).Sum(m => m.Available?.SizeBytes ?? 0));
        Gauge(w, hosts, MetricNames.ModelsUntracked, "Models beyond the per-host cap (Monitor:MaxModelsPerHost), not exported.", h => h.ModelsDropped);

        w.Family(MetricNames.LastPoll, "gauge", "When the host was last polled, successfully or not (Unix seconds).");
        foreach (var h in hosts.Where(h => h.LastPollAt is not null))
        {
            w.Sample(MetricNames.LastPoll).Label("host", h.Name).Value(UnixSeconds(h.LastPollAt!.Value));
        }

        w.Family(MetricNames.LastSuccess, "gauge", "When the host last answered /api/version (Unix seconds).");
        foreach (var h in hosts.Where(h => h.LastSuccessAt is not null))
        {
            w.Sample(MetricNames.LastSuccess).Label("host", h.Name).Value(UnixSeconds(h.LastSuccessAt!.Value));
        }

        PollSeriesWriter.Write(w, hosts);
    }

    public static double UnixSeconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;

    private static void Gauge(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts, string name, string help, Func<HostSnapshot, long> value)
    {
        w.Family(name, "gauge", help);
        foreach (var h in hosts)
        {
            w.Sample(name).Label("host", h.Name).Value(value(h));
        }
    }
}
