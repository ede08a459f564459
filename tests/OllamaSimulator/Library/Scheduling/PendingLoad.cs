namespace OllamaSimulator.Scheduling;

/// <summary>A request waiting in the scheduler queue because its model is not loaded (or must reload).</summary>
internal sealed class PendingLoad(
    SimulatedModel model, string key, RunnerOptions options, TimeSpan? keepAlive, long startedTimestamp, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<RunnerLease> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SimulatedModel Model { get; } = model;

    public string Key { get; } = key;

    public RunnerOptions Options { get; } = options;

    public TimeSpan? KeepAlive { get; } = keepAlive;

    public long StartedTimestamp { get; } = startedTimestamp;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public LinkedListNode<PendingLoad>? Node { get; set; }

    public Task<RunnerLease> Task => completion.Task;

    public bool IsDone => completion.Task.IsCompleted;

    public bool TryComplete(RunnerLease lease) => completion.TrySetResult(lease);

    public void Cancel() => completion.TrySetCanceled(CancellationToken);

    public void Fail(Exception error) => completion.TrySetException(error);
}
