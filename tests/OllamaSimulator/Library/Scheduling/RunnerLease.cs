namespace OllamaSimulator.Scheduling;

/// <summary>
/// A request's hold on a loaded runner (one reference). Disposing it releases the slot, if taken,
/// and the reference, which starts the idle timer when it was the last.
/// </summary>
internal sealed class RunnerLease : IDisposable
{
    private readonly ModelScheduler scheduler;
    private bool hasSlot;
    private int disposed;

    public RunnerLease(ModelScheduler scheduler, ModelRunner runner, TimeSpan loadDuration)
    {
        this.scheduler = scheduler;
        Runner = runner;
        LoadDuration = loadDuration;
    }

    public ModelRunner Runner { get; }

    /// <summary>From asking for the runner to having it: queueing, evictions and the load itself.</summary>
    public TimeSpan LoadDuration { get; }

    /// <summary>Fires when the runner crashes under this request.</summary>
    public CancellationToken Crashed => Runner.Crashed.Token;

    /// <summary>Waits, first come first served and without limit, for one of the runner's parallel slots.</summary>
    public async Task AcquireSlotAsync(CancellationToken cancellationToken)
    {
        await scheduler.AcquireSlotAsync(Runner, cancellationToken);
        hasSlot = true;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        scheduler.Release(Runner, hasSlot);
    }
}
