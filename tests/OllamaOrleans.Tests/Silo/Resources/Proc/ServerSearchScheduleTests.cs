using OllamaOrleans.Silo.Resources.Proc;

namespace OllamaOrleans.Tests.Silo.Resources.Proc;

public sealed class ServerSearchScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 7, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<long> Nothing = [];
    private static readonly HashSet<long> Socket = [75704];
    private readonly ServerSearchSchedule schedule = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void NothingListening_NeverSearches()
    {
        Assert.False(schedule.Due(Nothing, At(0)));
        Assert.False(schedule.Due(Nothing, At(1000)));
        Assert.Equal(TimeSpan.Zero, schedule.Delay);
    }

    [Fact]
    public void SocketAppears_SearchedAtOnce()
    {
        Assert.False(schedule.Due(Nothing, At(0)));
        Assert.True(schedule.Due(Socket, At(10)));
    }

    [Fact]
    public void SameSocketNeverFound_BacksOff_10_20_40_ThenTheCap()
    {
        var searches = new List<double>();
        for (var t = 0; t <= 300; t += 10)
        {
            if (schedule.Due(Socket, At(t)))
            {
                searches.Add(t);
                schedule.Missed(At(t));
            }
        }

        Assert.Equal([0, 10, 30, 70, 130, 190, 250], searches);
        Assert.Equal(TimeSpan.FromSeconds(60), schedule.Delay);
    }

    [Fact]
    public void SocketChanges_SearchedAtOnce_AndTheBackOffStartsAgain()
    {
        Assert.True(schedule.Due(Socket, At(0)));
        schedule.Missed(At(0));
        Assert.True(schedule.Due(Socket, At(10)));
        schedule.Missed(At(10));
        Assert.False(schedule.Due(Socket, At(20)));

        Assert.True(schedule.Due(new HashSet<long> { 80001 }, At(20)));
        schedule.Missed(At(20));

        Assert.Equal(TimeSpan.FromSeconds(10), schedule.Delay);
        Assert.False(schedule.Due(new HashSet<long> { 80001 }, At(29)));
        Assert.True(schedule.Due(new HashSet<long> { 80001 }, At(30)));
    }

    [Fact]
    public void SocketGoesAndTheSameInodeIsListedAgain_SearchedAtOnce()
    {
        Assert.True(schedule.Due(Socket, At(0)));
        schedule.Missed(At(0));
        Assert.False(schedule.Due(Nothing, At(5)));
        Assert.True(schedule.Due(Socket, At(6)));
    }

    [Fact]
    public void Reset_AfterTheServerWasFollowed_SearchesTheSameSocketAtOnce()
    {
        Assert.True(schedule.Due(Socket, At(0)));
        schedule.Missed(At(0));
        Assert.False(schedule.Due(Socket, At(5)));

        schedule.Reset();

        Assert.Equal(TimeSpan.Zero, schedule.Delay);
        Assert.True(schedule.Due(Socket, At(5)));
    }
}
