using OllamaOrleans.Grains.Probes;

namespace OllamaOrleans.Tests.Grains.Probes;

public sealed class KeepAlivePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(287.25)]
    [InlineData(5)]
    public void ExpiryFarEnough_Probes(double secondsLeft) =>
        Assert.Null(KeepAlivePolicy.SkipReason(Now.AddSeconds(secondsLeft), Now));

    [Fact]
    public void ForeverExpiry_Probes() =>
        Assert.Null(KeepAlivePolicy.SkipReason(new DateTimeOffset(2318, 8, 22, 17, 5, 31, TimeSpan.Zero), Now));

    [Theory]
    [InlineData(-30, "the model is busy or stopping")]
    [InlineData(-0.001, "the model is busy or stopping")]
    [InlineData(0, "the model is about to expire")]
    [InlineData(4.999, "the model is about to expire")]
    public void ExpiryPastOrClose_Skips(double secondsLeft, string reason) =>
        Assert.Equal(reason, KeepAlivePolicy.SkipReason(Now.AddSeconds(secondsLeft), Now));

    [Fact]
    public void UnknownExpiry_Skips() => Assert.Equal("the model's expiry is unknown", KeepAlivePolicy.SkipReason(null, Now));
}
