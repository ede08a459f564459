namespace OllamaSimulator.Scheduling;

/// <summary>
/// One simulated llama-server process. Every field is guarded by the owning <see cref="ModelScheduler"/>'s lock.
/// </summary>
internal sealed class ModelRunner
{
    public ModelRunner(SimulatedModel model, string key, RunnerOptions options, int numParallel, long sizeVram)
    {
        Model = model;
        Key = key;
        Options = options;
        FreeSlots = numParallel;
        SizeVram = sizeVram;
    }

    public SimulatedModel Model { get; }

    public string Key { get; }

    public RunnerOptions Options { get; }

    public long SizeVram { get; }

    public ModelState State { get; set; } = ModelState.Loading;

    public int RefCount { get; set; }

    public TimeSpan KeepAlive { get; set; }

    /// <summary>Null until the first request finishes: <c>/api/ps</c> then estimates now + keep-alive.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Set for eviction or reload: it unloads once idle (requests that need no reload still attach meanwhile).</summary>
    public bool Expiring { get; set; }

    public int FreeSlots { get; set; }

    public LinkedList<TaskCompletionSource> SlotWaiters { get; } = new();

    public ITimer? IdleTimer { get; set; }

    public TaskCompletionSource Unloaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Fires when the runner process "crashes"; in-flight requests then fail.</summary>
    public CancellationTokenSource Crashed { get; } = new();

    /// <summary>
    /// The process died. Nothing watches it (server/sched.go): it stays loaded, in <c>/api/ps</c> and on
    /// its keep-alive timer, until that expires or the next request's health check (needsReload) fails.
    /// </summary>
    public bool Dead { get; set; }

    public bool IsIdle => RefCount == 0;

    public void StopIdleTimer()
    {
        IdleTimer?.Dispose();
        IdleTimer = null;
    }
}
