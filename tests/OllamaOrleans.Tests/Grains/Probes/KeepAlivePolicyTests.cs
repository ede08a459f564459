using OllamaOrleans.Grains.Probes;

namespace OllamaOrleans.Tests.Grains.Probes;

public sealed class KeepAlivePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LoadedOnly_SendsTheTimeLeftUntilTheReportedExpiry()
    {
        var decision = KeepAlivePolicy.Decide(ProbeMode.LoadedOnly, Now.AddSeconds(287.25), Now);

        Assert.True(decision.Probe);
        Assert.Equal(287.25, decision.Seconds);
    }

    [Fact]
    public void LoadedOnly_ForeverExpiry_SendsMinusOne() =>
        Assert.Equal(-1, KeepAlivePolicy.Decide(ProbeMode.LoadedOnly, new DateTimeOffset(2318, 8, 22, 17, 5, 31, TimeSpan.Zero), Now).Seconds);

    [Theory]
    [InlineData(-30, "the model is busy or stopping")]
    [InlineData(3, "the model is about to expire")]
    public void LoadedOnly_ExpiryPastOrClose_Skips(int secondsLeft, string reason)
    {
        var decision = KeepAlivePolicy.Decide(ProbeMode.LoadedOnly, Now.AddSeconds(secondsLeft), Now);

        Assert.False(decision.Probe);
        Assert.Equal(reason, decision.SkipReason);
    }

    [Fact]
    public void LoadedOnly_UnknownExpiry_Skips() => Assert.False(KeepAlivePolicy.Decide(ProbeMode.LoadedOnly, null, Now).Probe);

    [Fact]
    public void Always_SendsNoKeepAlive() => Assert.Equal(KeepAliveDecision.Omit, KeepAlivePolicy.Decide(ProbeMode.Always, null, Now));
}
