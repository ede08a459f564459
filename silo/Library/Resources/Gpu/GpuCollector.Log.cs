namespace OllamaOrleans.Silo.Resources.Gpu;

public sealed partial class GpuCollector
{
    [LoggerMessage(1, LogLevel.Information, "No GPU on this node: {Reasons}. Hosts on this node export ollama_gpu_available 0; this is logged once.")]
    private static partial void LogNoGpu(ILogger logger, string reasons);

    [LoggerMessage(2, LogLevel.Information, "GPUs on this node: {Gpus}.")]
    private static partial void LogGpus(ILogger logger, string gpus);

    [LoggerMessage(3, LogLevel.Warning, "GPU {Index} ({Name}): {Problem}. Its other figures are still exported; logged again when this changes.")]
    private static partial void LogGpuProblem(ILogger logger, int index, string name, string problem);

    [LoggerMessage(4, LogLevel.Information, "GPU {Index} ({Name}) reads without errors again.")]
    private static partial void LogGpuRecovered(ILogger logger, int index, string name);
}
