using OllamaOrleans.Grains.Hosts;

namespace OllamaOrleans.Tests.Grains.Hosts;

public sealed class HealthTransitionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_ReportsOnlyChanges()
    {
        var health = new HealthTransitions();

        Assert.Equal(HealthChange.FirstDown, health.Observe(false, T0));
        Assert.Equal(HealthChange.None, health.Observe(false, T0.AddSeconds(30)));
        Assert.Equal(HealthChange.CameBack, health.Observe(true, T0.AddSeconds(90)));
        Assert.Equal(TimeSpan.FromSeconds(90), health.LastDowntime);
        Assert.Equal(HealthChange.None, health.Observe(true, T0.AddSeconds(120)));
        Assert.Equal(HealthChange.WentDown, health.Observe(false, T0.AddSeconds(150)));
    }

    [Fact]
    public void Observe_FirstPollUp_IsFirstUp() => Assert.Equal(HealthChange.FirstUp, new HealthTransitions().Observe(true, T0));
}
