using Microsoft.Extensions.Logging.Abstractions;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Silo.Hosting;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Web;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Web;

/// <summary>
/// Where the fleet page reads hosts: this silo's registry in the embedded default, the host grains in a
/// cluster (whose registry holds only the hosts living here). The reader's registry stands apart
/// from the test silo's, as another silo's would.
/// </summary>
[Collection(ApiClusterCollection.Name)]
public sealed class FleetReaderTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly HostSnapshotRegistry registry = new();
    private FixtureOllamaServer ollama = null!;
    private string host = null!;

    public async Task InitializeAsync()
    {
        ollama = await FixtureOllamaServer.StartCapturedAsync();
        host = TestHosts.UniqueName("page");
        await fixture.Fleet.CreateAsync(TestHosts.Registration(host, ollama.BaseUri));
        await fixture.Grains.GetGrain<IOllamaHostGrain>(host).PollNowAsync();
    }

    public async Task DisposeAsync()
    {
        await fixture.Fleet.DeleteAsync(host);
        await ollama.DisposeAsync();
    }

    private FleetReader Reader(SiloMode mode) =>
        new(fixture.Grains, registry, new ResourceRegistry(), mode, TimeProvider.System, NullLogger<FleetReader>.Instance);

    [Fact]
    public async Task Cluster_ReadsEveryHostFromItsGrain_NotOnlyThisSilosRegistry()
    {
        var expected = (await fixture.Grains.GetGrain<IOllamaHostGrain>(host).GetSnapshotAsync())!;

        var reading = await Reader(new SiloMode("redis:6379")).ReadAsync();

        var mine = Assert.Single(reading.Hosts, h => h.Name == host);
        Assert.Equal(ollama.BaseUri.AbsoluteUri, mine.Url);
        Assert.Equal(host, mine.Snapshot!.Name);
        Assert.True(mine.Snapshot.Up);
        Assert.Equal(expected.Models.Select(m => m.Name), mine.Snapshot.Models.Select(m => m.Name));
        Assert.Equal((await fixture.HostsAsync()).Select(h => h.Name).Order(StringComparer.Ordinal), reading.Hosts.Select(h => h.Name).Order(StringComparer.Ordinal));
        var statistics = Assert.Single(reading.Statistics!, s => s.Host == host);
        Assert.Equal(expected.Models.Select(m => m.Name).Order(StringComparer.Ordinal), statistics.Models.Select(m => m.Model).Order(StringComparer.Ordinal));
        Assert.Null(reading.StatisticsError);
    }

    [Fact]
    public async Task Embedded_ReadsSnapshotsFromThisSilosRegistry_RegisteredHostsWithoutOneAreNotPolledYet()
    {
        var reader = Reader(new SiloMode(null));

        var before = Assert.Single((await reader.ReadAsync()).Hosts, h => h.Name == host);
        var published = (await fixture.Grains.GetGrain<IOllamaHostGrain>(host).GetSnapshotAsync())!;
        registry.Publish(published);
        var after = Assert.Single((await reader.ReadAsync()).Hosts, h => h.Name == host);

        Assert.Null(before.Snapshot);
        Assert.Same(published, after.Snapshot);
    }
}
