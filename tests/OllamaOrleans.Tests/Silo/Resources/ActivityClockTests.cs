using OllamaOrleans.Silo.Resources;

namespace OllamaOrleans.Tests.Silo.Resources;

public sealed class ActivityClockTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void IntervalIsBusy_WhenTheHostWasBusyAtEitherEnd()
    {
        var clock = new ActivityClock();

        Assert.Equal((0.0, false), clock.Advance(T0, busy: false));
        Assert.Equal((10.0, false), clock.Advance(T0.AddSeconds(10), busy: false));
        Assert.Equal((1.0, true), clock.Advance(T0.AddSeconds(11), busy: true));
        Assert.Equal((1.0, true), clock.Advance(T0.AddSeconds(12), busy: false));
        Assert.Equal((10.0, false), clock.Advance(T0.AddSeconds(22), busy: false));

        Assert.Equal((2.0, 20.0), (clock.BusySeconds, clock.IdleSeconds));
    }

    [Fact]
    public void ClockGoingBackwards_CountsNoNegativeTime()
    {
        var clock = new ActivityClock();
        clock.Advance(T0, false);

        Assert.Equal(0, clock.Advance(T0.AddSeconds(-5), false).Seconds);
        Assert.Equal(0, clock.IdleSeconds);
    }
}
