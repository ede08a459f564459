using Microsoft.Extensions.Time.Testing;
using OllamaOrleans.Silo.Web;

namespace OllamaOrleans.Tests.Silo.Web;

public sealed class RecentValueTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));
    private int reads;

    private Task<int> Read() => Task.FromResult(Interlocked.Increment(ref reads));

    [Fact]
    public async Task AskedAgainWithinMaxAge_SharesTheRead()
    {
        var value = new RecentValue<int>(TimeSpan.FromSeconds(5), time);

        var first = await value.GetAsync(Read);
        time.Advance(TimeSpan.FromSeconds(4.9));
        var second = await value.GetAsync(Read);

        Assert.Equal((1, 1, 1), (first, second, reads));
    }

    [Fact]
    public async Task AskedAfterMaxAge_ReadsAgain()
    {
        var value = new RecentValue<int>(TimeSpan.FromSeconds(5), time);

        await value.GetAsync(Read);
        time.Advance(TimeSpan.FromSeconds(5));
        var second = await value.GetAsync(Read);

        Assert.Equal((2, 2), (second, reads));
    }

    [Fact]
    public async Task ReadInFlight_IsSharedByEveryoneWhoAsks()
    {
        var value = new RecentValue<int>(TimeSpan.FromSeconds(5), time);
        var gate = new TaskCompletionSource<int>();

        var first = value.GetAsync(() => { reads++; return gate.Task; });
        var second = value.GetAsync(Read);
        gate.SetResult(42);

        Assert.Equal((42, 42, 1), (await first, await second, reads));
    }

    [Fact]
    public async Task FailedRead_IsNotKept()
    {
        var value = new RecentValue<int>(TimeSpan.FromSeconds(5), time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => value.GetAsync(() => Task.FromException<int>(new InvalidOperationException("down"))));
        var next = await value.GetAsync(Read);

        Assert.Equal((1, 1), (next, reads));
    }
}
