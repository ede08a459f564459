namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>
/// This node's GPUs from every source that found some (NVIDIA first, so its indexes are nvidia-smi's).
/// Sources are opened at the first read; a node without GPUs says so in one log line, and its hosts
/// export <c>ollama_gpu_available 0</c>, instead of an error per sample. A GPU's read errors are
/// logged when they start and when they stop.
/// </summary>
public sealed partial class GpuCollector(IReadOnlyList<IGpuSource> sources, ILogger<GpuCollector> logger) : IDisposable
{
    private readonly Dictionary<string, string> problems = new(StringComparer.Ordinal);
    private List<IGpuSource>? open;

    public GpuNodeReading Read()
    {
        open ??= Open();
        if (open.Count == 0)
        {
            return GpuNodeReading.None;
        }

        var gpus = new List<GpuReading>();
        foreach (var source in open)
        {
            gpus.AddRange(source.Read(gpus.Count));
        }

        foreach (var gpu in gpus)
        {
            ReportProblem(gpu);
        }

        return new GpuNodeReading(true, [.. gpus]);
    }

    public void Dispose()
    {
        foreach (var source in sources)
        {
            source.Dispose();
        }
    }

    private List<IGpuSource> Open()
    {
        var opened = new List<IGpuSource>();
        var reasons = new List<string>();
        foreach (var source in sources)
        {
            if (source.TryOpen(out var reason))
            {
                opened.Add(source);
            }
            else
            {
                reasons.Add(reason);
            }
        }

        if (opened.Count == 0)
        {
            LogNoGpu(logger, sources.Count == 0 ? "GPU collection is off (Resources:Gpu)" : string.Join("; ", reasons));
        }
        else
        {
            var found = opened.SelectMany(s => s.Read(0)).Select(g => $"{g.Vendor} {g.Name}");
            LogGpus(logger, string.Join(", ", found));
        }

        return opened;
    }

    private void ReportProblem(GpuReading gpu)
    {
        var key = gpu.Uuid.Length > 0 ? gpu.Uuid : $"{gpu.Vendor}/{gpu.Index}";
        var had = problems.TryGetValue(key, out var before);
        if (gpu.Problem is { } problem && (!had || before != problem))
        {
            problems[key] = problem;
            LogGpuProblem(logger, gpu.Index, gpu.Name, problem);
        }
        else if (gpu.Problem is null && had)
        {
            problems.Remove(key);
            LogGpuRecovered(logger, gpu.Index, gpu.Name);
        }
    }
}
