using OllamaOrleans.Grains.Fleet;

namespace OllamaOrleans.Tests.Grains.Fleet;

/// <summary>
/// Each start is held open by a TaskCompletionSource, so the starts in flight can be counted exactly.
/// The tests run off xunit's synchronization context, so a completed start's continuation (the next
/// start) runs inline and each step can be asserted at once.
/// </summary>
public sealed class BoundedStartsTests
{
    private readonly Dictionary<int, TaskCompletionSource<bool>> inFlight = [];
    private readonly List<int> begun = [];

    private Task<bool> Start(int item)
    {
        var start = new TaskCompletionSource<bool>();
        begun.Add(item);
        inFlight[item] = start;
        return start.Task;
    }

    [Fact]
    public Task NeverMoreThanTheLimitInFlight_AndTheNextStartsWhenOneEnds() => Task.Run(async () =>
    {
        var run = BoundedStarts.RunAsync([0, 1, 2, 3, 4, 5], 3, Start, (_, _) => { });

        Assert.Equal([0, 1, 2], begun);
        Complete(1, true);
        Assert.Equal([0, 1, 2, 3], begun);
        Complete(0, true);
        Complete(3, false);
        Assert.Equal([0, 1, 2, 3, 4, 5], begun);
        Complete(2, true);
        Complete(4, true);
        Assert.False(run.IsCompleted);
        Complete(5, false);

        Assert.Equal(new StartTally(4, 2, 0), await run);
    });

    [Fact]
    public Task AFailedStart_IsReportedAndCounted_AndTheRestGoOn() => Task.Run(async () =>
    {
        var reported = new List<(int, string)>();
        var run = BoundedStarts.RunAsync([0, 1, 2], 2, Start, (item, e) => reported.Add((item, e.Message)));

        inFlight[0].SetException(new TimeoutException("response did not arrive on time"));
        Assert.Equal([0, 1, 2], begun);
        Complete(1, true);
        Complete(2, true);

        Assert.Equal(new StartTally(2, 0, 1), await run);
        Assert.Equal([(0, "response did not arrive on time")], reported);
    });

    [Fact]
    public Task FewerItemsThanTheLimit_StartAllAtOnce_AndNoneIsAnEmptyTally() => Task.Run(async () =>
    {
        var run = BoundedStarts.RunAsync([7, 8], 100, Start, (_, _) => { });
        Assert.Equal([7, 8], begun);
        Complete(7, true);
        Complete(8, true);

        Assert.Equal(new StartTally(2, 0, 0), await run);
        Assert.Equal(new StartTally(0, 0, 0), await BoundedStarts.RunAsync(Array.Empty<int>(), 3, Start, (_, _) => { }));
    });

    [Fact]
    public async Task ALimitBelowOne_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BoundedStarts.RunAsync([1], 0, Start, (_, _) => { }));

    private void Complete(int item, bool started) => inFlight[item].SetResult(started);
}
