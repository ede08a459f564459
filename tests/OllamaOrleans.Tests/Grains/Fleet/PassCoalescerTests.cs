using OllamaOrleans.Grains.Fleet;

namespace OllamaOrleans.Tests.Grains.Fleet;

/// <summary>Passes are held open by TaskCompletionSources, so every step is explicit.</summary>
public sealed class PassCoalescerTests
{
    private readonly List<TaskCompletionSource> passes = [];

    private PassCoalescer Coalescer() => new(() =>
    {
        var pass = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        passes.Add(pass);
        return pass.Task;
    });

    [Fact]
    public async Task CallsDuringAPass_ShareOneNextPass_ThatStartsWhenTheCurrentEnds()
    {
        var coalescer = Coalescer();

        var first = coalescer.RunAsync();
        var second = coalescer.RunAsync();
        var third = coalescer.RunAsync();

        Assert.Single(passes);
        Assert.Same(second, third);
        Assert.NotSame(first, second);
        Assert.False(first.IsCompleted);

        passes[0].SetResult();
        await first;
        await WaitForPassesAsync(2);
        Assert.False(second.IsCompleted);

        passes[1].SetResult();
        await second;
        Assert.Equal(2, passes.Count);
    }

    [Fact]
    public async Task ACallAfterThePassesEnded_StartsAFreshPass()
    {
        var coalescer = Coalescer();
        var first = coalescer.RunAsync();
        passes[0].SetResult();
        await first;

        var again = coalescer.RunAsync();

        Assert.Equal(2, passes.Count);
        Assert.False(again.IsCompleted);
        passes[1].SetResult();
        await again;
    }

    [Fact]
    public async Task ACallDuringTheQueuedPass_WaitsForTheOneAfterIt()
    {
        var coalescer = Coalescer();
        var first = coalescer.RunAsync();
        var second = coalescer.RunAsync();
        passes[0].SetResult();
        await first;
        await WaitForPassesAsync(2);

        var third = coalescer.RunAsync();
        passes[1].SetResult();
        await second;
        await WaitForPassesAsync(3);

        Assert.False(third.IsCompleted);
        passes[2].SetResult();
        await third;
        Assert.Equal(3, passes.Count);
    }

    [Fact]
    public async Task AFailedPass_FailsItsCallersOnly_AndTheNextPassStillRuns()
    {
        var coalescer = Coalescer();
        var first = coalescer.RunAsync();
        var second = coalescer.RunAsync();

        passes[0].SetException(new InvalidOperationException("storage down"));

        Assert.Equal("storage down", (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message);
        await WaitForPassesAsync(2);
        passes[1].SetResult();
        await second;
    }

    /// <summary>The next pass starts on the continuation of the one before; waits for that, not for time.</summary>
    private async Task WaitForPassesAsync(int count)
    {
        while (passes.Count < count)
        {
            await Task.Yield();
        }
    }
}
