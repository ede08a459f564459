using OllamaOrleans.Grains.Polling;

namespace OllamaOrleans.Tests.Grains.Polling;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly PollingOptions Polling = new() { Interval = TimeSpan.FromSeconds(30), MaxStartDelay = TimeSpan.FromSeconds(2) };

    [Fact]
    public void FirstStart_WaitsItsPartOfTheStartDelay()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), PollSchedule.FirstDelay(null, Now, Polling, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(2), PollSchedule.FirstDelay(null, Now, Polling, 7));
    }

    [Fact]
    public void Continuation_KeepsTheCadence()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), PollSchedule.FirstDelay(Now.AddSeconds(-10), Now, Polling, 0.5));
    }

    [Fact]
    public void LastPollInTheFuture_WaitsAtMostOneInterval()
    {
        Assert.Equal(Polling.Interval, PollSchedule.FirstDelay(Now.AddMinutes(5), Now, Polling, 0.5));
    }

    [Fact]
    public void OverdueByAFewIntervals_PollsAtOnce()
    {
        Assert.Equal(TimeSpan.Zero, PollSchedule.FirstDelay(Now.AddSeconds(-45), Now, Polling, 0.5));
        Assert.Equal(TimeSpan.Zero, PollSchedule.FirstDelay(Now - (Polling.Interval * PollSchedule.RecentIntervals), Now, Polling, 0.5));
    }

    [Fact]
    public void LongUnpolled_IsAFreshStart()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), PollSchedule.FirstDelay(Now.AddHours(-3), Now, Polling, 0.5));
    }

    [Fact]
    public void FailOver_PollsAtOnce_InsteadOfKeepingTheCadence()
    {
        Assert.Equal(TimeSpan.Zero, PollSchedule.FirstDelay(Now.AddSeconds(-10), Now, Polling, 0.5, stoppedCleanly: false));
        Assert.Equal(TimeSpan.FromSeconds(20), PollSchedule.FirstDelay(Now.AddSeconds(-10), Now, Polling, 0.5, stoppedCleanly: true));
    }

    [Fact]
    public void FailOver_LongUnpolled_IsStillAFreshStart()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), PollSchedule.FirstDelay(Now.AddHours(-3), Now, Polling, 0.5, stoppedCleanly: false));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(-10, null, false)]
    [InlineData(-10, -20, false)]
    [InlineData(-10, -10, true)]
    [InlineData(-10, -5, true)]
    public void StoppedCleanly_WhenTheStopMarkIsNoEarlierThanTheLastPoll(int? lastPollSeconds, int? stoppedSeconds, bool expected)
    {
        DateTimeOffset? At(int? seconds) => seconds is { } s ? Now.AddSeconds(s) : null;

        Assert.Equal(expected, PollSchedule.StoppedCleanly(At(lastPollSeconds), At(stoppedSeconds)));
    }
}
