using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// The per-model families: what is on disk, what is loaded and how, and load/unload counters. Cloud
/// models have only <c>ollama_model_info</c> (<c>location="cloud"</c>): they are neither on disk nor
/// ever loaded.
/// </summary>
public static class ModelSeriesWriter
{
    public static void Write(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts)
    {
        w.Family(MetricNames.ModelSize, "gauge", "Size of a model on disk in bytes (/api/tags).");
        foreach (var (h, m) in Local(hosts).Where(x => x.Model.Available is not null))
        {
            w.Sample(MetricNames.ModelSize).Label("host", h).Label("model", m.Name).Value(m.Available!.SizeBytes);
        }

        w.Family(MetricNames.ModelInfo, "gauge", "A model's family, parameter size, quantization, format, digest (first 12 hex) and location (local, or cloud: proxied to its remote host); always 1.");
        foreach (var (h, m) in Models(hosts))
        {
            var digest = m.Available?.Digest ?? m.Loaded?.Digest ?? "";
            w.Sample(MetricNames.ModelInfo).Label("host", h).Label("model", m.Name)
                .Label("family", m.Details.Family)
                .Label("parameter_size", m.Details.ParameterSize)
                .Label("quantization", m.Details.QuantizationLevel)
                .Label("format", m.Details.Format)
                .Label("digest", digest.Length > 12 ? digest[..12] : digest)
                .Label("location", m.IsCloud ? "cloud" : "local")
                .Value(1L);
        }

        w.Family(MetricNames.ModelLoaded, "gauge", "Whether a model is loaded in memory (1) or only on disk (0).");
        foreach (var (h, m) in Local(hosts))
        {
            w.Sample(MetricNames.ModelLoaded).Label("host", h).Label("model", m.Name).Value(m.Loaded is null ? 0L : 1L);
        }

        Loaded(w, hosts, MetricNames.ModelMemory, "Memory a loaded model's runner uses in bytes: weights, KV cache and buffers (/api/ps size).", l => l.MemoryBytes);
        Loaded(w, hosts, MetricNames.ModelVram, "Part of a loaded model's memory held in GPU memory, in bytes (/api/ps size_vram).", l => l.VramBytes);
        Loaded(w, hosts, MetricNames.ModelContext, "Context length in tokens a loaded model's runner was started with.", l => l.ContextLength);

        w.Family(MetricNames.ModelExpires, "gauge", "When a loaded model's keep-alive unloads it (Unix seconds); years ahead for keep_alive -1.");
        foreach (var (h, m) in Local(hosts).Where(x => x.Model.Loaded?.ExpiresAt is not null))
        {
            w.Sample(MetricNames.ModelExpires).Label("host", h).Label("model", m.Name).Value(HostSeriesWriter.UnixSeconds(m.Loaded!.ExpiresAt!.Value));
        }

        w.Family(MetricNames.ModelLoads, "counter", "Times a model was seen loaded (or reloaded) between two polls.");
        foreach (var (h, m) in Local(hosts))
        {
            w.Sample(MetricNames.ModelLoads).Label("host", h).Label("model", m.Name).Value(m.Loads);
        }

        w.Family(MetricNames.ModelUnloads, "counter", "Times a model was seen unloaded (expired, evicted or stopped) between two polls.");
        foreach (var (h, m) in Local(hosts))
        {
            w.Sample(MetricNames.ModelUnloads).Label("host", h).Label("model", m.Name).Value(m.Unloads);
        }
    }

    private static IEnumerable<(string Host, ModelSnapshot Model)> Models(IReadOnlyList<HostSnapshot> hosts)
    {
        foreach (var h in hosts)
        {
            foreach (var m in h.Models)
            {
                yield return (h.Name, m);
            }
        }
    }

    private static IEnumerable<(string Host, ModelSnapshot Model)> Local(IReadOnlyList<HostSnapshot> hosts) =>
        Models(hosts).Where(x => !x.Model.IsCloud);

    private static void Loaded(PrometheusTextWriter w, IReadOnlyList<HostSnapshot> hosts, string name, string help, Func<LoadedModel, long> value)
    {
        w.Family(name, "gauge", help);
        foreach (var (h, m) in Local(hosts).Where(x => x.Model.Loaded is not null))
        {
            w.Sample(name).Label("host", h).Label("model", m.Name).Value(value(m.Loaded!));
        }
    }
}
