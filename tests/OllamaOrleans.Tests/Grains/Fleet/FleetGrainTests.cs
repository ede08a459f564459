using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Grains.Fleet;

/// <summary>The registry grain. Uses its own fleet key per test so the shared cluster's tests do not meet.</summary>
[Collection(MonitorClusterCollection.Name)]
public sealed class FleetGrainTests(ClusterFixture fixture) : IAsyncLifetime
{
    private FixtureOllamaServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FixtureOllamaServer.StartCapturedAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Seed_RegistersHosts_AndIsIdempotent_AndEnsureStartsThem()
    {
        var fleet = fixture.Grains.GetGrain<IFleetGrain>(TestHosts.UniqueName("fleet"));
        var a = TestHosts.Registration(TestHosts.UniqueName("seeded"), server.BaseUri, HostSource.Configuration);
        var b = TestHosts.Registration(TestHosts.UniqueName("seeded"), server.BaseUri, HostSource.Configuration);

        var first = await fleet.SeedFromConfigurationAsync([a, b]);
        var second = await fleet.SeedFromConfigurationAsync([a, b]);

        Assert.Equal([a.Name, b.Name], first.Added);
        Assert.True(second.IsEmpty);
        Assert.Equal(new[] { a.Name, b.Name }.Order(StringComparer.Ordinal), (await fleet.GetHostsAsync()).Select(h => h.Name));
        await fleet.EnsureHostsActiveAsync();
        var started = await fixture.Grains.GetGrain<IOllamaHostGrain>(a.Name).PollNowAsync();
        Assert.True(started.Up);
    }

    [Fact]
    public async Task Seed_WithoutAHostThatCameFromConfiguration_DecommissionsIt()
    {
        var fleet = fixture.Grains.GetGrain<IFleetGrain>(TestHosts.UniqueName("fleet"));
        var kept = TestHosts.Registration(TestHosts.UniqueName("kept"), server.BaseUri, HostSource.Configuration);
        var dropped = TestHosts.Registration(TestHosts.UniqueName("dropped"), server.BaseUri, HostSource.Configuration);
        var viaApi = TestHosts.Registration(TestHosts.UniqueName("api"), server.BaseUri, HostSource.Api);
        await fleet.SeedFromConfigurationAsync([kept, dropped]);
        await fleet.EnsureHostsActiveAsync();
        await fleet.UpsertAsync(viaApi);
        await fixture.Grains.GetGrain<IOllamaHostGrain>(dropped.Name).PollNowAsync();

        var change = await fleet.SeedFromConfigurationAsync([kept]);

        Assert.Equal([dropped.Name], change.Removed);
        Assert.Equal(new[] { viaApi.Name, kept.Name }.Order(StringComparer.Ordinal), (await fleet.GetHostsAsync()).Select(h => h.Name));
        Assert.Null(await fixture.Grains.GetGrain<IOllamaHostGrain>(dropped.Name).GetSnapshotAsync());
        Assert.DoesNotContain(fixture.Registry.Snapshots, s => s.Name == dropped.Name);
    }

    [Fact]
    public async Task EnsureHostsActive_CalledTogether_EveryCallEndsWithItsHostsStarted()
    {
        var fleet = fixture.Grains.GetGrain<IFleetGrain>(TestHosts.UniqueName("fleet"));
        var hosts = Enumerable.Range(0, 3).Select(_ => TestHosts.Registration(TestHosts.UniqueName("ensured"), server.BaseUri, HostSource.Configuration)).ToArray();
        await fleet.SeedFromConfigurationAsync(hosts);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fleet.EnsureHostsActiveAsync()));

        foreach (var host in hosts)
        {
            Assert.True((await fixture.Grains.GetGrain<IOllamaHostGrain>(host.Name).PollNowAsync()).Up);
        }
    }

    [Fact]
    public async Task Upsert_ThenRemove()
    {
        var fleet = fixture.Grains.GetGrain<IFleetGrain>(TestHosts.UniqueName("fleet"));
        var host = TestHosts.Registration(TestHosts.UniqueName("api"), server.BaseUri);

        Assert.Equal([host.Name], (await fleet.UpsertAsync(host)).Added);
        Assert.True((await fleet.UpsertAsync(host)).IsEmpty);
        Assert.True(await fleet.RemoveAsync(host.Name));
        Assert.False(await fleet.RemoveAsync(host.Name));
        Assert.Empty(await fleet.GetHostsAsync());
    }

    [Fact]
    public async Task TheFleet_HandsItsSiloTheRegisteredHosts_WithoutTransientOnes_AndOtherKeysDoNot()
    {
        var registered = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IRegisteredHosts>();
        var fleet = fixture.Grains.GetGrain<IFleetGrain>(IFleetGrain.Key);
        var configured = TestHosts.Registration(TestHosts.UniqueName("configured"), server.BaseUri, HostSource.Configuration);
        var viaApi = TestHosts.Registration(TestHosts.UniqueName("api"), server.BaseUri, HostSource.Api);
        var transient = TestHosts.Registration(TestHosts.UniqueName("transient"), server.BaseUri, HostSource.Transient);

        await fleet.SeedFromConfigurationAsync([configured]);
        await fleet.UpsertAsync(viaApi);
        await fleet.UpsertAsync(transient);
        Assert.Equal(new[] { configured.Name, viaApi.Name }.Order(StringComparer.Ordinal), registered.Names);

        await fleet.RemoveAsync(viaApi.Name);
        Assert.Equal([configured.Name], registered.Names);

        await fixture.Grains.GetGrain<IFleetGrain>(TestHosts.UniqueName("fleet")).UpsertAsync(TestHosts.Registration(TestHosts.UniqueName("other"), server.BaseUri));
        Assert.Equal([configured.Name], registered.Names);

        await fleet.SeedFromConfigurationAsync([]);
        await fleet.RemoveAsync(transient.Name);
        Assert.Empty(registered.Names);
    }
}
