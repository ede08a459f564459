using System.Net;
using OllamaOrleans.Protocol.Security;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Protocol.Security;

/// <summary>The guard resolves names before deciding, and refuses at connect time what it refuses at registration.</summary>
public sealed class TargetGuardTests
{
    private readonly TargetGuard guard = new(TargetPolicy.Default, TableResolver.Standard);

    [Theory]
    [InlineData("http://127.0.0.1:11434/")]
    [InlineData("http://[::1]:11434/")]
    [InlineData("http://ollama.test:11434/")]
    [InlineData("http://gpu.corp.test:11434/")]
    public async Task CheckAsync_AllowsLoopbackAndPrivateTargets(string url) =>
        Assert.Null(await guard.CheckAsync(new Uri(url), CancellationToken.None));

    [Theory]
    [InlineData("http://169.254.169.254/", "169.254.169.254, a cloud metadata address")]
    [InlineData("http://2852039166/", "169.254.169.254, a cloud metadata address")]
    [InlineData("http://0xA9FEA9FE/", "169.254.169.254, a cloud metadata address")]
    [InlineData("http://[fd00:ec2::254]/", "fd00:ec2::254, a cloud metadata address")]
    [InlineData("http://[::ffff:169.254.169.254]/", "169.254.169.254, a cloud metadata address")]
    [InlineData("http://[fe80::1]:11434/", "fe80::1, a link-local address")]
    [InlineData("http://rebind.test/", "'rebind.test' resolves to 169.254.169.254, a cloud metadata address")]
    [InlineData("http://link.test:11434/", "'link.test' resolves to 169.254.10.20, a link-local address")]
    [InlineData("http://metadata6.test/", "'metadata6.test' resolves to fd00:ec2::254, a cloud metadata address")]
    [InlineData("http://mixed.test/", "'mixed.test' resolves to fe80::1, a link-local address")]
    [InlineData("http://metadata.google.internal/", "'metadata.google.internal' is a cloud metadata service")]
    [InlineData("http://nowhere.test/", "'nowhere.test' does not resolve")]
    public async Task CheckAsync_RefusesAndSaysWhy(string url, string reason) =>
        Assert.StartsWith(reason, await guard.CheckAsync(new Uri(url), CancellationToken.None));

    [Fact]
    public async Task ConnectCallback_RefusesANameThatResolvesToTheMetadataAddress()
    {
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = guard.ConnectAsync });

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://rebind.test:11434/api/version")));

        var refused = Assert.IsType<TargetRefusedException>(e.InnerException);
        Assert.Equal("refused by the address guard: 'rebind.test' resolves to 169.254.169.254, a cloud metadata address; list 169.254.169.254/32 in Security:AllowedNetworks to allow it", refused.Message);
    }

    [Fact]
    public async Task ConnectCallback_ConnectsToAnAllowedName()
    {
        await using var server = await FixtureOllamaServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = guard.ConnectAsync });

        var text = await http.GetStringAsync(new Uri($"http://ollama.test:{server.BaseUri.Port}/"));

        Assert.Equal("Ollama is running", text);
    }

    [Fact]
    public async Task ConnectCallback_UsesTheConfiguredPolicy()
    {
        await using var server = await FixtureOllamaServer.StartAsync();
        var narrow = new TargetGuard(new TargetPolicy([IPNetwork.Parse("10.0.0.0/8")], []), TableResolver.Standard);
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = narrow.ConnectAsync });

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(server.BaseUri));

        Assert.Equal("refused by the address guard: 127.0.0.1, outside Security:AllowedNetworks and Security:AllowedHosts", e.InnerException!.Message);
    }
}
