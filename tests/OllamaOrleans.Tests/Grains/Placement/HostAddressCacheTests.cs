using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using OllamaOrleans.Grains.Placement;

namespace OllamaOrleans.Tests.Grains.Placement;

public sealed class HostAddressCacheTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly List<string> asked = [];
    private IPAddress[] answer = [IPAddress.Parse("10.0.0.5")];
    private bool fail;

    private HostAddressCache Cache() => new(time, (host, _) =>
    {
        asked.Add(host);
        return fail ? Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)) : Task.FromResult(answer);
    });

    [Fact]
    public async Task Resolve_CachesForTheLifetime_ThenAsksAgain()
    {
        var cache = Cache();

        Assert.Equal(answer, await cache.ResolveAsync("gpu1.lab"));
        time.Advance(HostAddressCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(answer, await cache.ResolveAsync("GPU1.lab"));
        answer = [IPAddress.Parse("10.0.0.6")];
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(answer, await cache.ResolveAsync("gpu1.lab"));
        Assert.Equal(["gpu1.lab", "gpu1.lab"], asked);
    }

    [Fact]
    public async Task Resolve_FailureIsNoAddresses_CachedForLess()
    {
        var cache = Cache();
        fail = true;

        Assert.Empty(await cache.ResolveAsync("nowhere.lab"));
        time.Advance(HostAddressCache.FailureLifetime + TimeSpan.FromSeconds(1));
        fail = false;

        Assert.Equal(answer, await cache.ResolveAsync("nowhere.lab"));
        Assert.Equal(2, asked.Count);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public async Task Resolve_LiteralsAndLoopbackNames_AreNotLookedUp(string host)
    {
        Assert.Empty(await Cache().ResolveAsync(host));
        Assert.Empty(asked);
    }
}
