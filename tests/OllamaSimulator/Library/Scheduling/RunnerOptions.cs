namespace OllamaSimulator.Scheduling;

/// <summary>
/// The load-time options of a runner (api/types.go Runner, plus the context shift); a difference from
/// the loaded runner forces a reload (server/sched.go needsReload).
/// </summary>
/// <param name="NumBatch">The batch the runner loads with: automatic, the embedding default, or explicit.</param>
/// <param name="NumBatchAuto">No <c>num_batch</c> was given and none of the defaults below replaced it.</param>
/// <param name="MainGpu">Null unless given: an explicit 0 differs from none (a pointer in Ollama).</param>
/// <param name="ContextShift">The request's <c>shift</c>, else whether the model supports it.</param>
internal sealed record RunnerOptions(
    int NumCtx, int NumBatch, bool NumBatchAuto, int NumGpu, int? MainGpu, bool? UseMmap, int NumThread, int DraftNumPredict, bool ContextShift)
{
    /// <summary>api.DefaultOptions' <c>num_batch</c>: what an automatic request compares with.</summary>
    public const int DefaultNumBatch = 512;

    /// <summary>llm/llama_server.go DefaultEmbeddingNumBatch, capped at the context.</summary>
    public const int EmbeddingNumBatch = 2048;

    /// <summary>server/sched.go generationBatchForContext: the batch an automatic completion runner loads with.</summary>
    public static int AutomaticBatch(int numCtx) => numCtx switch
    {
        > 32_768 => 2048,
        > 4096 => 1024,
        _ => DefaultNumBatch,
    };

    /// <summary>
    /// server/sched.go needsReload: automatic batches on both sides never count; otherwise a request
    /// without <c>num_batch</c> compares the default 512 with the batch the runner loaded with.
    /// <c>num_gpu</c> below 0 (auto) never counts.
    /// </summary>
    public bool RequiresReloadOf(RunnerOptions loaded) =>
        NumCtx != loaded.NumCtx
        || (!(NumBatchAuto && loaded.NumBatchAuto) && (NumBatchAuto ? DefaultNumBatch : NumBatch) != loaded.NumBatch)
        || (NumGpu >= 0 && NumGpu != loaded.NumGpu)
        || MainGpu != loaded.MainGpu
        || UseMmap != loaded.UseMmap
        || NumThread != loaded.NumThread
        || DraftNumPredict != loaded.DraftNumPredict
        || ContextShift != loaded.ContextShift;
}
