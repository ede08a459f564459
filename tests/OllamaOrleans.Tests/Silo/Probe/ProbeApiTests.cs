using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Api;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Tests.Api;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Probe;

/// <summary>
/// <c>/probe?target=</c>: a registered target's series; an unregistered one registered as a clearly
/// labelled transient host (key needed, capped, expiring); refused targets refused.
/// </summary>
[Collection(ApiClusterCollection.Name)]
public sealed class ProbeApiTests(ClusterFixture fixture) : IAsyncLifetime
{
    private FixtureOllamaServer ollama = null!;

    public async Task InitializeAsync()
    {
        ollama = await FixtureOllamaServer.StartCapturedAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in (await fixture.HostsAsync()).Where(h => h.Source == HostSource.Transient))
        {
            await fixture.Fleet.DeleteAsync(host.Name);
        }

        await ollama.DisposeAsync();
    }

    private string Target => $"127.0.0.1:{ollama.BaseUri.Port}";

    [Fact]
    public async Task UnregisteredTarget_WithAKey_IsRegisteredTransient_PolledAndServed()
    {
        await using var api = await fixture.StartApiAsync(ApiKeySpec.Reader);
        using var reader = api.With(ApiKeySpec.Reader);

        using var response = await reader.GetAsync($"probe?target={Target}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains($"ollama_up{{host=\"{Target}\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"ollama_host_info{{host=\"{Target}\",url=\"http://{Target}/\",registration=\"transient\"}} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ollama_monitor_hosts", text, StringComparison.Ordinal);
        var registered = (await fixture.HostsAsync()).Single(h => h.Name == Target);
        Assert.Equal((HostSource.Transient, $"http://{Target}/"), (registered.Source, registered.Url));
        Assert.Equal(3, ollama.Hits["/api/version"] + ollama.Hits["/api/tags"] + ollama.Hits["/api/ps"]);

        using var again = await reader.GetAsync($"probe?target=http://{Target}/");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await fixture.HostsAsync()).Count(h => h.Url == $"http://{Target}/"));
    }

    [Fact]
    public async Task RegisteredTarget_IsServedUnderItsName_WithoutAKeyWhileNoneIsConfigured()
    {
        var name = TestHosts.UniqueName("probed");
        await fixture.Fleet.CreateAsync(TestHosts.Registration(name, ollama.BaseUri));
        await fixture.Grains.GetGrain<IOllamaHostGrain>(name).PollNowAsync();
        await using var api = await fixture.StartApiAsync();

        var text = await (await api.Anonymous.GetAsync($"probe?target={Uri.EscapeDataString(ollama.BaseUri.AbsoluteUri)}")).Content.ReadAsStringAsync();

        Assert.Contains($"ollama_host_info{{host=\"{name}\",url=\"{ollama.BaseUri.AbsoluteUri}\",registration=\"api\"}} 1\n", text, StringComparison.Ordinal);
        await fixture.Fleet.DeleteAsync(name);
    }

    [Fact]
    public async Task UnregisteredTarget_WithoutAKey_Is401_AndRegistersNothing()
    {
        await using var api = await fixture.StartApiAsync();
        var before = await fixture.HostsAsync();

        var problem = await ProblemAssert.IsAsync(await api.Anonymous.GetAsync($"probe?target={Target}"), HttpStatusCode.Unauthorized);

        Assert.StartsWith($"No host with URL http://{Target}/ is registered; registering it as a transient host needs an API key. No API key is configured.", problem.Detail());
        Assert.Equal(before, await fixture.HostsAsync(), RegistrationComparer.Instance);
        Assert.False(ollama.Hits.ContainsKey("/api/version"));
    }

    [Fact]
    public async Task TransientHostsOff_UnregisteredTarget_Is404()
    {
        await using var api = await fixture.StartApiAsync(s => s.Configure<ApiOptions>(o => o.TransientHostsEnabled = false), ApiKeySpec.Reader);

        var problem = await ProblemAssert.IsAsync(await api.With(ApiKeySpec.Reader).GetAsync($"probe?target={Target}"), HttpStatusCode.NotFound, "target");

        Assert.EndsWith("(Monitor:TransientHosts:Enabled is false).", problem.Detail());
    }

    [Theory]
    [InlineData("169.254.169.254", "target is refused: 169.254.169.254, a cloud metadata address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "target is refused: 169.254.169.254, a cloud metadata address")]
    [InlineData("metadata.google.internal:80", "target is refused: 'metadata.google.internal' is a cloud metadata service")]
    [InlineData("rebind.test:11434", "target is refused: 'rebind.test' resolves to 169.254.169.254")]
    [InlineData("[fe80::1]:11434", "target is refused: fe80::1, a link-local address")]
    [InlineData("ftp://10.0.0.1/", "target is not an absolute http:// or https:// URL")]
    [InlineData("http://u:p@10.0.0.1/", "target carries credentials")]
    [InlineData("", "target is required")]
    public async Task RefusedOrInvalidTargets_Are400NamingTarget(string target, string detail)
    {
        await using var api = await fixture.StartApiAsync(ApiKeySpec.Reader);
        var before = await fixture.HostsAsync();

        var problem = await ProblemAssert.IsAsync(await api.With(ApiKeySpec.Reader).GetAsync($"probe?target={Uri.EscapeDataString(target)}"), HttpStatusCode.BadRequest, "target");

        Assert.StartsWith(detail, problem.Detail());
        Assert.Equal(before, await fixture.HostsAsync(), RegistrationComparer.Instance);
    }

    [Fact]
    public async Task TransientHosts_AreCappedByMonitorTransientHostsMax()
    {
        await using var api = await fixture.StartApiAsync(ApiKeySpec.Reader);
        using var reader = api.With(ApiKeySpec.Reader);
        await using var other = await FixtureOllamaServer.StartAsync();
        var cap = fixture.Limits.MaxTransientHosts;
        var existing = (await fixture.HostsAsync()).Count(h => h.Source == HostSource.Transient);

        // Distinct names that all resolve to loopback (TableResolver): distinct targets on the one server.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < cap - existing + 1; i++)
        {
            var target = $"h{i}.loop.test:{other.BaseUri.Port}";
            statuses.Add((await reader.GetAsync($"probe?target={Uri.EscapeDataString(target)}")).StatusCode);
        }

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.Conflict, statuses[^1]);
        Assert.Equal(cap, (await fixture.HostsAsync()).Count(h => h.Source == HostSource.Transient));
    }

    [Fact]
    public async Task TransientHosts_NotProbedWithinTheExpiry_AreRemoved_OthersStay()
    {
        await using var api = await fixture.StartApiAsync(ApiKeySpec.Reader);
        await api.With(ApiKeySpec.Reader).GetAsync($"probe?target={Target}");
        var apiHost = TestHosts.UniqueName("stays");
        await fixture.Fleet.CreateAsync(TestHosts.Registration(apiHost, ollama.BaseUri));
        Assert.Empty(await fixture.Fleet.ExpireTransientHostsAsync());

        var limits = fixture.Limits;
        var saved = limits.TransientExpiry;
        try
        {
            limits.TransientExpiry = TimeSpan.Zero;
            Assert.Contains(Target, await fixture.Fleet.ExpireTransientHostsAsync());
        }
        finally
        {
            limits.TransientExpiry = saved;
        }

        var hosts = await fixture.HostsAsync();
        Assert.DoesNotContain(hosts, h => h.Source == HostSource.Transient);
        Assert.Contains(hosts, h => h.Name == apiHost);
        Assert.Null(await fixture.Grains.GetGrain<IOllamaHostGrain>(Target).GetSnapshotAsync());
        await fixture.Fleet.DeleteAsync(apiHost);
    }

    [Fact]
    public async Task ATransientHostReplacedThroughTheApi_BecomesAnApiHost()
    {
        await using var api = await fixture.StartApiAsync(ApiKeySpec.Admin);
        using var admin = api.With(ApiKeySpec.Admin);
        await admin.GetAsync($"probe?target={Target}");

        var adopted = await (await admin.PutJsonAsync($"api/v1/hosts/{Target}", $$$"""{"url":"http://{{{Target}}}/","labels":{"team":"ml"}}""")).JsonAsync();

        Assert.Equal("api", adopted.GetProperty("source").GetString());
        Assert.Empty(await fixture.Fleet.ExpireTransientHostsAsync());
        await fixture.Fleet.DeleteAsync(Target);
    }
}
