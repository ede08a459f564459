using OllamaOrleans.Silo.Cluster;

namespace OllamaOrleans.Tests.Silo.Cluster;

/// <summary>The membership watchdog's numbered changes and its passes: one at a time, each started a settle delay after the changes it covers.</summary>
public sealed class RestartPassesTests : IAsyncDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    private readonly TimerSignallingTimeProvider time = new(Start);
    private readonly CancellationTokenSource stop = new();
    private readonly List<(long Change, TimeSpan At, TaskCompletionSource Gate)> passes = [];
    private readonly SemaphoreSlim started = new(0);
    private readonly RestartPasses restarts;
    private readonly Task running;
    private int runningNow;
    private int mostAtOnce;

    public RestartPassesTests()
    {
        restarts = new RestartPasses(time, Settle, PassAsync);
        running = restarts.RunAsync(stop.Token);
    }

    private async Task PassAsync(long change, CancellationToken cancellationToken)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var now = Interlocked.Increment(ref runningNow);
        lock (passes)
        {
            mostAtOnce = Math.Max(mostAtOnce, now);
            passes.Add((change, time.GetUtcNow() - Start, gate));
        }

        started.Release();
        await gate.Task.WaitAsync(cancellationToken);
        Interlocked.Decrement(ref runningNow);
    }

    [Fact]
    public void Changed_NumbersChangesFromOne()
    {
        Assert.Equal([1L, 2L, 3L], [restarts.Changed(), restarts.Changed(), restarts.Changed()]);
    }

    [Fact]
    public async Task Change_WhenIdle_RunsOnePassCoveringIt_AfterTheSettleDelay()
    {
        restarts.Changed();
        await time.TimerStartedAsync(Patience);
        time.Advance(Settle - Tick);
        Assert.Empty(Passes());

        time.Advance(Tick);
        await NextPassAsync();

        Assert.Equal([(1L, Settle)], Passes());
    }

    [Fact]
    public async Task Changes_DuringAPass_ShareOneMorePass_ThatCoversTheLatest()
    {
        restarts.Changed();
        await time.TimerStartedAsync(Patience);
        time.Advance(Settle);
        await NextPassAsync();
        restarts.Changed();
        restarts.Changed();
        restarts.Changed();
        time.Advance(TimeSpan.FromSeconds(3));
        EndPass(0);

        await time.TimerStartedAsync(Patience);
        time.Advance(Settle);
        await NextPassAsync();
        EndPass(1);

        Assert.Equal([(1L, Settle), (4L, TimeSpan.FromSeconds(13))], Passes());
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task Change_DuringTheSettleDelay_WaitsForAPassOfItsOwn()
    {
        restarts.Changed();
        await time.TimerStartedAsync(Patience);
        time.Advance(TimeSpan.FromSeconds(4));
        restarts.Changed();
        time.Advance(TimeSpan.FromSeconds(1));
        await NextPassAsync();
        EndPass(0);

        // The second change is 1 s old when the first pass starts, too young for it to be covered: the
        // next pass begins a whole settle delay after the first one ends.
        await time.TimerStartedAsync(Patience);
        time.Advance(Settle - Tick);
        Assert.Single(Passes());
        time.Advance(Tick);
        await NextPassAsync();

        Assert.Equal([(1L, Settle), (2L, Settle * 2)], Passes());
    }

    [Fact]
    public async Task Change_AfterThePassesEnded_StartsAFreshPass()
    {
        restarts.Changed();
        await time.TimerStartedAsync(Patience);
        time.Advance(Settle);
        await NextPassAsync();
        EndPass(0);
        time.Advance(TimeSpan.FromSeconds(60));

        restarts.Changed();
        await time.TimerStartedAsync(Patience);
        time.Advance(Settle);
        await NextPassAsync();

        Assert.Equal([(1L, Settle), (2L, TimeSpan.FromSeconds(70))], Passes());
    }

    [Fact]
    public async Task Stopping_DuringTheSettleDelay_EndsTheLoopWithoutAPass()
    {
        restarts.Changed();
        await time.TimerStartedAsync(Patience);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Patience));
        Assert.Empty(Passes());
    }

    private List<(long Change, TimeSpan At)> Passes()
    {
        lock (passes)
        {
            return [.. passes.Select(p => (p.Change, p.At))];
        }
    }

    private async Task NextPassAsync() => Assert.True(await started.WaitAsync(Patience), "no pass started");

    private void EndPass(int index)
    {
        lock (passes)
        {
            passes[index].Gate.SetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Patience));
        stop.Dispose();
        started.Dispose();
    }
}
