using OllamaSimulator.Api;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Scheduling;

/// <summary>
/// Ollama's scheduler (server/sched.go) for one host: a fast path for loaded models, a bounded queue
/// served one load at a time for the rest, eviction by count and memory, keep-alive timers.
/// </summary>
internal sealed partial class ModelScheduler
{
    public const string ServerBusyMessage = "server busy, please try again.  maximum pending requests exceeded";

    // System timers cannot wait longer than ~49 days; longer keep-alives re-arm until due.
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(30);

    private readonly Lock gate = new();
    private readonly SimulatorOptions options;
    private readonly SimulatorCounters counters;
    private readonly TimeProvider time;
    private readonly Dictionary<string, ModelRunner> runners = new(StringComparer.Ordinal);
    private readonly LinkedList<PendingLoad> pending = new();
    private readonly Dictionary<string, (long Loads, long Unloads)> history = new(StringComparer.Ordinal);
    private bool queueRunning;

    public ModelScheduler(SimulatorOptions options, SimulatorCounters counters)
    {
        this.options = options;
        this.counters = counters;
        time = options.TimeProvider;
    }

    /// <summary>Attaches the request to a runner for <paramref name="model"/>, loading it first if need be.</summary>
    public async Task<RunnerLease> AcquireAsync(
        SimulatedModel model, RunnerOptions runnerOptions, TimeSpan? keepAlive, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var key = ModelName.Parse(model.Name).Key;
        PendingLoad request;
        lock (gate)
        {
            // Fast path (since 0.11.5): a loaded model that needs no reload skips the queue and can never get a 503.
            if (runners.TryGetValue(key, out var runner) && CanAttach(runner, runnerOptions))
            {
                return Attach(runner, keepAlive, started);
            }

            if (pending.Count >= options.MaxQueue)
            {
                counters.CountServerBusy();
                throw new ApiException(503, ServerBusyMessage);
            }

            request = new PendingLoad(model, key, runnerOptions, keepAlive, started, cancellationToken);
            request.Node = pending.AddLast(request);
            if (!queueRunning)
            {
                queueRunning = true;
                _ = Task.Run(RunQueueAsync, CancellationToken.None);
            }
        }

        await using var registration = cancellationToken.Register(() => CancelPending(request));
        return await request.Task;
    }

    /// <summary><c>keep_alive: 0</c> with nothing to run: unload now, or as soon as in-flight requests finish (the task tells when).</summary>
    public Task Expire(SimulatedModel model)
    {
        lock (gate)
        {
            if (!runners.TryGetValue(ModelName.Parse(model.Name).Key, out var runner) || runner.State != ModelState.Loaded)
            {
                return Task.CompletedTask;
            }

            runner.StopIdleTimer();
            runner.ExpiresAt = time.GetUtcNow();
            runner.KeepAlive = TimeSpan.Zero;
            if (runner.IsIdle)
            {
                UnloadLocked(runner);
            }

            return runner.Unloaded.Task;
        }
    }

    /// <summary>Requests waiting in the load queue (the one being served is no longer counted, as in Ollama).</summary>
    internal int PendingCount
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>Stops every idle timer, so a disposed host leaves nothing scheduled behind.</summary>
    public void Shutdown()
    {
        lock (gate)
        {
            foreach (var runner in runners.Values)
            {
                runner.StopIdleTimer();
            }
        }
    }

    /// <summary>
    /// Simulates the runner process dying: its requests fail, but it stays in <c>/api/ps</c> until its
    /// keep-alive expires or the next request for it reloads it (server/sched.go needsReload pings it).
    /// False when it is not loaded or already dead.
    /// </summary>
    public bool Crash(string modelName)
    {
        CancellationTokenSource crashed;
        lock (gate)
        {
            if (!runners.TryGetValue(ModelName.Parse(modelName).Key, out var runner) || runner.State != ModelState.Loaded || runner.Dead)
            {
                return false;
            }

            runner.Dead = true;
            crashed = runner.Crashed;
        }

        crashed.Cancel();
        return true;
    }

    /// <summary>
    /// server/sched.go GetRunner and processPending: a loaded runner takes the request unless it needs a
    /// reload (other options, or a failed health check); being marked for eviction does not stop it.
    /// </summary>
    private static bool CanAttach(ModelRunner runner, RunnerOptions wanted) =>
        runner.State == ModelState.Loaded && !runner.Dead && !wanted.RequiresReloadOf(runner.Options);

    private RunnerLease Attach(ModelRunner runner, TimeSpan? keepAlive, long startedTimestamp)
    {
        runner.RefCount++;
        runner.StopIdleTimer();
        if (keepAlive is { } value)
        {
            // One keep-alive per runner: the last request that states one wins; negative means forever.
            runner.KeepAlive = value < TimeSpan.Zero ? GoDuration.Forever : value;
        }

        return new RunnerLease(this, runner, time.GetElapsedTime(startedTimestamp));
    }

    private void OnIdleLocked(ModelRunner runner)
    {
        if (!runners.TryGetValue(runner.Key, out var current) || current != runner)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (runner.Expiring || runner.KeepAlive == TimeSpan.Zero)
        {
            runner.ExpiresAt = now;
            UnloadLocked(runner);
            return;
        }

        runner.ExpiresAt = now + runner.KeepAlive;
        if (runner.KeepAlive < GoDuration.Forever)
        {
            ArmIdleTimerLocked(runner, runner.KeepAlive);
        }
    }

    private void ArmIdleTimerLocked(ModelRunner runner, TimeSpan due)
    {
        runner.StopIdleTimer();
        var holder = new TimerHolder();
        holder.Timer = time.CreateTimer(_ => OnIdleTimer(runner, holder), null, due < MaxTimerDue ? due : MaxTimerDue, Timeout.InfiniteTimeSpan);
        runner.IdleTimer = holder.Timer;
    }

    private void OnIdleTimer(ModelRunner runner, TimerHolder holder)
    {
        lock (gate)
        {
            if (runner.IdleTimer != holder.Timer || !runner.IsIdle || runner.ExpiresAt is not { } expiresAt)
            {
                return;
            }

            var remaining = expiresAt - time.GetUtcNow();
            if (remaining > TimeSpan.Zero)
            {
                ArmIdleTimerLocked(runner, remaining);
                return;
            }

            UnloadLocked(runner);
        }
    }

    private void UnloadLocked(ModelRunner runner)
    {
        runner.StopIdleTimer();
        if (runners.TryGetValue(runner.Key, out var current) && current == runner)
        {
            runners.Remove(runner.Key);
        }

        if (runner.State == ModelState.Loaded)
        {
            var (loads, unloads) = history.GetValueOrDefault(runner.Key);
            history[runner.Key] = (loads, unloads + 1);
            counters.CountUnload();
        }

        runner.State = ModelState.Absent;
        runner.Unloaded.TrySetResult();
    }

    private sealed class TimerHolder
    {
        public ITimer? Timer { get; set; }
    }
}
