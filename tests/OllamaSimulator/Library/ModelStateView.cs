namespace OllamaSimulator;

/// <summary>A snapshot of one model on one host, for assertions.</summary>
/// <param name="Name">Display name with tag.</param>
/// <param name="State">Life-cycle state.</param>
/// <param name="RefCount">Requests currently holding the runner (waiting for a slot or generating).</param>
/// <param name="ExpiresAt">As <c>/api/ps</c> would show it now; null when not loaded.</param>
/// <param name="KeepAlive">The runner's keep-alive (forever is ~292 years, Go's MaxInt64 nanoseconds); null when not loaded.</param>
/// <param name="Loads">Completed loads of this model since the host started.</param>
/// <param name="Unloads">Completed unloads of this model since the host started.</param>
/// <param name="ContextLength">The loaded runner's context length; 0 when not loaded.</param>
public sealed record ModelStateView(
    string Name,
    ModelState State,
    int RefCount,
    DateTimeOffset? ExpiresAt,
    TimeSpan? KeepAlive,
    long Loads,
    long Unloads,
    int ContextLength);
