using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class DirectoryFreshnessTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void NeverRead_IsNotReady() =>
        Assert.Equal("the hosts have not been read from the cluster yet", DirectoryFreshness.Unready(null, Now));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(15)]
    public void ReadWithinFifteenSeconds_IsReady(int secondsAgo) =>
        Assert.Null(DirectoryFreshness.Unready(Now.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void ReadLongerAgo_IsNotReady_SayingHowLongAgo() =>
        Assert.Equal(
            "the hosts were last read from the cluster 42 s ago (over 15 s): no silo answers",
            DirectoryFreshness.Unready(Now.AddSeconds(-42), Now));
}
