using System.Threading.Channels;
using OllamaOrleans.Silo.Cluster;

namespace OllamaOrleans.Tests.Silo.Cluster;

/// <summary>The membership watchdog's restart passes: one at a time, a change during one queues at most one more.</summary>
public sealed class PassQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<int> started = Channel.CreateUnbounded<int>();
    private readonly List<TaskCompletionSource> gates = [];
    private int running;
    private int mostAtOnce;

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int number;
        lock (gates)
        {
            gates.Add(gate);
            number = gates.Count;
        }

        var now = Interlocked.Increment(ref running);
        InterlockedMax(ref mostAtOnce, now);
        await started.Writer.WriteAsync(number, cancellationToken);
        await gate.Task;
        Interlocked.Decrement(ref running);
    }

    [Fact]
    public async Task Request_WhenIdle_RunsOnePass()
    {
        var queue = new PassQueue(PassAsync);

        queue.Request(CancellationToken.None);

        Assert.Equal(1, await NextStartAsync());
        Release(1);
        await queue.Idle.WaitAsync(Patience);
        Assert.Single(gates);
    }

    [Fact]
    public async Task Requests_DuringAPass_QueueOneMorePass_AndPassesNeverOverlap()
    {
        var queue = new PassQueue(PassAsync);

        queue.Request(CancellationToken.None);
        Assert.Equal(1, await NextStartAsync());
        queue.Request(CancellationToken.None);
        queue.Request(CancellationToken.None);
        queue.Request(CancellationToken.None);
        Release(1);

        Assert.Equal(2, await NextStartAsync());
        Release(2);
        await queue.Idle.WaitAsync(Patience);
        Assert.Equal((2, 1), (gates.Count, mostAtOnce));
    }

    [Fact]
    public async Task Request_DuringTheQueuedPass_QueuesOneMoreAfterIt()
    {
        var queue = new PassQueue(PassAsync);

        queue.Request(CancellationToken.None);
        Assert.Equal(1, await NextStartAsync());
        queue.Request(CancellationToken.None);
        Release(1);
        Assert.Equal(2, await NextStartAsync());
        queue.Request(CancellationToken.None);
        queue.Request(CancellationToken.None);
        Release(2);

        Assert.Equal(3, await NextStartAsync());
        Release(3);
        await queue.Idle.WaitAsync(Patience);
        Assert.Equal((3, 1), (gates.Count, mostAtOnce));
    }

    [Fact]
    public async Task Request_AfterThePassesEnded_StartsAFreshPass()
    {
        var queue = new PassQueue(PassAsync);
        queue.Request(CancellationToken.None);
        Assert.Equal(1, await NextStartAsync());
        Release(1);
        await queue.Idle.WaitAsync(Patience);

        queue.Request(CancellationToken.None);

        Assert.Equal(2, await NextStartAsync());
        Release(2);
        await queue.Idle.WaitAsync(Patience);
        Assert.Equal(2, gates.Count);
    }

    private async Task<int> NextStartAsync() => await started.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    private void Release(int pass)
    {
        lock (gates)
        {
            gates[pass - 1].SetResult();
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
