using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Hosts;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Grains.Hosts;

/// <summary>Registration, removal, deactivation and failure classes of the host grain.</summary>
[Collection(MonitorClusterCollection.Name)]
public sealed class HostGrainLifecycleTests(ClusterFixture fixture) : IAsyncLifetime
{
    private FixtureOllamaServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FixtureOllamaServer.StartAsync();
        server.ServeFixture("/api/version", "version-v0.32.json");
        server.ServeFixture("/api/tags", "tags-v0.32.json");
        server.Serve("/api/ps", 200, """{"models":[]}""");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task GatewayReports_ReachTheSilosReportedTraffic_UntilTheGatewayReportsIdle()
    {
        var name = TestHosts.UniqueName("traffic");
        var grain = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        var traffic = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ReportedTraffic>();

        // Reports are one-way calls: wait for each to land.
        await grain.ReportTrafficAsync("silo-2:4411", 2);
        Assert.True(await UntilAsync(() => traffic.IsBusy(name, DateTimeOffset.UtcNow)));
        await grain.ReportTrafficAsync("silo-2:4411", 0);

        Assert.True(await UntilAsync(() => !traffic.IsBusy(name, DateTimeOffset.UtcNow)));
    }

    private static Task<bool> UntilAsync(Func<bool> condition) =>
        Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), condition, TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task PollNow_NothingListening_IsDownWithReasonRefused()
    {
        var name = TestHosts.UniqueName("refused");
        var grain = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        await grain.StartAsync(TestHosts.Registration(name, new Uri($"http://127.0.0.1:{TestHosts.ClosedPort()}")));

        var snapshot = await grain.PollNowAsync();

        Assert.False(snapshot.Up);
        Assert.All(snapshot.Endpoints, e => Assert.Equal(1, e.ErrorsByReason["refused"]));
        Assert.Equal("/api/version: connection refused", snapshot.LastError);
    }

    [Fact]
    public async Task PollNow_UnregisteredHost_Throws()
    {
        var grain = fixture.Grains.GetGrain<IOllamaHostGrain>(TestHosts.UniqueName("nobody"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.PollNowAsync());
        Assert.Null(await grain.GetSnapshotAsync());
    }

    [Fact]
    public async Task Start_WithAnotherHostsRegistration_IsRefused()
    {
        var grain = fixture.Grains.GetGrain<IOllamaHostGrain>(TestHosts.UniqueName("mine"));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.StartAsync(TestHosts.Registration("theirs", server.BaseUri)));
    }

    [Fact]
    public async Task Deactivation_DropsTheSeriesAtOnce_AndCountersContinueAfterReactivation()
    {
        var name = TestHosts.UniqueName("migrating");
        var grain = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        await grain.StartAsync(TestHosts.Registration(name, server.BaseUri));
        await grain.PollNowAsync();
        server.ServeFixture("/api/ps", "ps-v0.32.json");
        await grain.PollNowAsync();
        Assert.Contains(fixture.Registry.Snapshots, s => s.Name == name);

        await fixture.Cluster.DeactivateAsync(grain);

        Assert.DoesNotContain(fixture.Registry.Snapshots, s => s.Name == name);
        server.Serve("/api/ps", 200, """{"models":[]}""");
        var after = await grain.PollNowAsync();
        Assert.All(after.Endpoints, e => Assert.Equal(3, e.Count));
        var llama = after.Models.Single(m => m.Name == "llama3.2:latest");
        Assert.Equal((1L, 1L), (llama.Loads, llama.Unloads));
    }

    [Fact]
    public async Task Decommission_ForgetsTheHostItsModelsAndItsSeries()
    {
        var name = TestHosts.UniqueName("removed");
        var grain = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        await grain.StartAsync(TestHosts.Registration(name, server.BaseUri));
        await grain.PollNowAsync();

        await grain.DecommissionAsync();

        Assert.DoesNotContain(fixture.Registry.Snapshots, s => s.Name == name);
        Assert.Null(await grain.GetSnapshotAsync());
        Assert.Null(await fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, "llama3.2:latest")).GetSnapshotAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.PollNowAsync());
    }

    [Fact]
    public async Task Start_WithAnotherUrl_RepublishesTheRegistrationAndResetsTheLoadBaseline()
    {
        var name = TestHosts.UniqueName("moved");
        var grain = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        await grain.StartAsync(TestHosts.Registration(name, server.BaseUri));
        await grain.PollNowAsync();
        await using var other = await FixtureOllamaServer.StartCapturedAsync();

        await grain.StartAsync(TestHosts.Registration(name, other.BaseUri));
        Assert.Equal(other.BaseUri.AbsoluteUri, fixture.Registry.Snapshots.Single(s => s.Name == name).Registration.Url);
        var snapshot = await grain.PollNowAsync();

        Assert.Equal(2, snapshot.ModelsLoaded);
        Assert.All(snapshot.Models, m => Assert.Equal(0L, m.Loads));
    }
}
