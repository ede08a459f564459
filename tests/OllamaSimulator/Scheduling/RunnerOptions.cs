namespace OllamaSimulator.Scheduling;

/// <summary>The load-time options of a runner; any difference from the loaded runner forces a reload.</summary>
internal sealed record RunnerOptions(int NumCtx, int NumBatch, int NumGpu, int MainGpu, bool? UseMmap, int NumThread)
{
    public const int DefaultNumBatch = 512;

    /// <summary>Ollama's <c>needsReload</c>: <c>num_gpu</c> -1 (auto) never counts as a change.</summary>
    public bool RequiresReloadOf(RunnerOptions loaded) =>
        NumCtx != loaded.NumCtx
        || NumBatch != loaded.NumBatch
        || (NumGpu != -1 && NumGpu != loaded.NumGpu)
        || MainGpu != loaded.MainGpu
        || UseMmap != loaded.UseMmap
        || NumThread != loaded.NumThread;
}
