using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// The inference families, from probes and from gateway traffic (label <c>source</c>). The original
/// exporter's names are kept; rates come from the token and seconds counters, not from the
/// last-value tokens-per-second gauge, which stays for compatibility.
/// </summary>
public static class InferenceSeriesWriter
{
    public static void Write(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts)
    {
        var all = Inference(hosts).ToList();
        w.Family(MetricNames.Requests, "counter", "Inference requests by endpoint, method and status (HTTP code, or timeout, refused, truncated, malformed, stream_error, disconnected).");
        foreach (var (h, m, i) in all)
        {
            foreach (var r in i.Requests)
            {
                w.Sample(MetricNames.Requests).Label("host", h).Label("model", m).Label("endpoint", r.Endpoint).Label("method", r.Method).Label("status", r.Status).Label("source", i.Source).Value(r.Count);
            }
        }

        w.Family(MetricNames.RequestDuration, "histogram", "End-to-end latency of inference requests, failures included.");
        foreach (var (h, m, i) in all)
        {
            foreach (var e in i.RequestDuration)
            {
                HistogramSeries.Write(w, MetricNames.RequestDuration, InferenceBuckets.RequestDuration, e.Histogram, ("host", h), ("model", m), ("endpoint", e.Endpoint), ("source", i.Source));
            }
        }

        Counter(w, all, MetricNames.PromptTokens, "Prompt tokens evaluated (prompt_eval_count, cache hits included).", i => i.PromptTokens);
        Counter(w, all, MetricNames.GenerationTokens, "Tokens generated (eval_count).", i => i.GenerationTokens);
        Counter(w, all, MetricNames.PromptEvalSeconds, "Seconds spent evaluating prompts (prompt_eval_duration).", i => i.PromptEvalSeconds);
        Counter(w, all, MetricNames.GenerationSeconds, "Seconds spent generating (eval_duration); tokens/s = rate(generation tokens) / rate(this).", i => i.GenerationSeconds);
        Histogram(w, all, MetricNames.GenerationDuration, "Generation time per request (eval_duration).", InferenceBuckets.GenerationDuration, i => i.GenerationDuration);

        w.Family(MetricNames.TokensPerSecond, "gauge", "Generation rate of the last request (eval_count / eval_duration); prefer the counters' rates.");
        foreach (var (h, m, i) in all.Where(x => x.Inference.LastTokensPerSecond is not null))
        {
            w.Sample(MetricNames.TokensPerSecond).Label("host", h).Label("model", m).Label("source", i.Source).Value(i.LastTokensPerSecond!.Value);
        }

        Histogram(w, all, MetricNames.TimeToFirstToken, "Time from sending a streamed request to its first content.", InferenceBuckets.TimeToFirstToken, i => i.TimeToFirstToken);
        Histogram(w, all, MetricNames.LoadDuration, "Time Ollama spent getting a runner (load_duration: queueing, eviction and model load).", InferenceBuckets.LoadDuration, i => i.LoadDuration);
        Histogram(w, all.Where(x => x.Inference.QueueWait is { Count: > 0 }).ToList(), MetricNames.QueueWait, "Estimated wait for a free parallel slot: total_duration minus load, prompt evaluation and generation.", InferenceBuckets.QueueWait, i => i.QueueWait!);
        w.Family(MetricNames.DoneReasons, "counter", "Requests that ended with a final object, by done_reason: stop, length (num_predict or context limit), load, unload.");
        foreach (var (h, m, i) in all)
        {
            foreach (var (reason, count) in i.DoneReasons)
            {
                w.Sample(MetricNames.DoneReasons).Label("host", h).Label("model", m).Label("source", i.Source).Label("reason", reason).Value(count);
            }
        }

        WriteProbes(w, hosts);
    }

    private static void WriteProbes(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts)
    {
        var probed = hosts.SelectMany(h => h.Models.Where(m => m.Probe is not null).Select(m => (Host: h.Name, Model: m))).ToList();
        w.Family(MetricNames.ProbeSuccess, "gauge", "Whether a model's last synthetic probe succeeded (1) or failed (0).");
        foreach (var (h, m) in probed)
        {
            w.Sample(MetricNames.ProbeSuccess).Label("host", h).Label("model", m.Name).Value(m.Probe!.Succeeded ? 1L : 0L);
        }

        w.Family(MetricNames.LastProbe, "gauge", "When a model was last probed (Unix seconds).");
        foreach (var (h, m) in probed)
        {
            w.Sample(MetricNames.LastProbe).Label("host", h).Label("model", m.Name).Value(HostSeriesWriter.UnixSeconds(m.Probe!.At));
        }
    }

    private static IEnumerable<(string Host, string Model, InferenceSnapshot Inference)> Inference(IReadOnlyList<HostSnapshot> hosts) =>
        hosts.SelectMany(h => h.Models.SelectMany(m => m.Inference.Select(i => (h.Name, m.Name, i))));

    private static void Counter(PrometheusTextWriter w, List<(string Host, string Model, InferenceSnapshot Inference)> all, string name, string help, Func<InferenceSnapshot, double> value)
    {
        w.Family(name, "counter", help);
        foreach (var (h, m, i) in all)
        {
            w.Sample(name).Label("host", h).Label("model", m).Label("source", i.Source).Value(value(i));
        }
    }

    private static void Histogram(PrometheusTextWriter w, List<(string Host, string Model, InferenceSnapshot Inference)> all, string name, string help, IReadOnlyList<double> bounds, Func<InferenceSnapshot, HistogramSnapshot> histogram)
    {
        w.Family(name, "histogram", help);
        foreach (var (h, m, i) in all)
        {
            HistogramSeries.Write(w, name, bounds, histogram(i), ("host", h), ("model", m), ("source", i.Source));
        }
    }
}
