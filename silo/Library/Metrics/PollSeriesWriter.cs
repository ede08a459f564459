using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Hosts;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>The poll latency histogram and poll errors, per host and Ollama endpoint.</summary>
public static class PollSeriesWriter
{
    public static void Write(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts)
    {
        w.Family(MetricNames.PollDuration, "histogram", "Latency of the monitor's calls to each Ollama endpoint, failures included.");
        foreach (var h in hosts)
        {
            foreach (var e in h.Endpoints)
            {
                var histogram = new HistogramSnapshot(e.BucketCounts, e.SumSeconds, e.Count);
                HistogramSeries.Write(w, MetricNames.PollDuration, PollLatencyBuckets.UpperBounds, histogram, ("host", h.Name), ("endpoint", e.Endpoint));
            }
        }

        w.Family(MetricNames.PollErrors, "counter", "Failed calls to Ollama endpoints by reason: timeout, refused, unreachable, http_4xx, http_5xx, malformed, truncated.");
        foreach (var h in hosts)
        {
            foreach (var e in h.Endpoints)
            {
                foreach (var (reason, count) in e.ErrorsByReason)
                {
                    w.Sample(MetricNames.PollErrors).Label("host", h.Name).Label("endpoint", e.Endpoint).Label("reason", reason).Value(count);
                }
            }
        }
    }
}
