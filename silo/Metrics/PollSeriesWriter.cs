using OllamaOrleans.GrainInterfaces;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>The poll latency histogram and poll errors, per host and Ollama endpoint.</summary>
public static class PollSeriesWriter
{
    public static void Write(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts)
    {
        var bounds = PollLatencyBuckets.UpperBounds;
        var boundLabels = bounds.Select(PrometheusTextWriter.Format).Append("+Inf").ToArray();
        w.Family(MetricNames.PollDuration, "histogram", "Latency of the monitor's calls to each Ollama endpoint, failures included.");
        foreach (var h in hosts)
        {
            foreach (var e in h.Endpoints)
            {
                long cumulative = 0;
                for (var i = 0; i < boundLabels.Length; i++)
                {
                    cumulative += i < e.BucketCounts.Length ? e.BucketCounts[i] : 0;
                    w.Sample(MetricNames.PollDuration + "_bucket").Label("host", h.Name).Label("endpoint", e.Endpoint).Label("le", boundLabels[i]).Value(cumulative);
                }

                w.Sample(MetricNames.PollDuration + "_sum").Label("host", h.Name).Label("endpoint", e.Endpoint).Value(e.SumSeconds);
                w.Sample(MetricNames.PollDuration + "_count").Label("host", h.Name).Label("endpoint", e.Endpoint).Value(e.Count);
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
