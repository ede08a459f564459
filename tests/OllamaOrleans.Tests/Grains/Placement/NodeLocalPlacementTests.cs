using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Tests.Support;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace OllamaOrleans.Tests.Grains.Placement;

/// <summary>Two silos on two (claimed) nodes: host grains go to the silo of the node their Ollama URL names.</summary>
public sealed class NodeLocalPlacementTests : IAsyncLifetime
{
    private readonly ClusterFixture nodes = ClusterFixture.OnNodes(2);

    private InProcessTestCluster cluster = null!;

    private SiloAddress SiloA => cluster.Silos[0].SiloAddress;

    private SiloAddress SiloB => cluster.Silos[1].SiloAddress;

    public async Task InitializeAsync()
    {
        await nodes.InitializeAsync();
        cluster = nodes.Cluster;
        await NodeClusters.WaitForNodeIdentitiesAsync(cluster);
    }

    public async Task DisposeAsync() => await nodes.DisposeAsync();

    private static HostRegistration Registration(string name, string url) =>
        new(name, url, ImmutableSortedDictionary<string, string>.Empty, HostSource.Api);

    [Theory]
    [InlineData("http://10.77.0.2:11434", 1)]
    [InlineData("http://node-b:11434", 1)]
    [InlineData("http://10.77.0.1:11434", 0)]
    [InlineData("http://NODE-A:11434", 0)]
    public async Task FleetStartsHost_ItIsPlacedOnTheSiloOfItsOllamasNode(string url, int silo)
    {
        var name = TestHosts.UniqueName("placed");
        await cluster.Client.GetGrain<IFleetGrain>(IFleetGrain.Key).UpsertAsync(Registration(name, url));

        Assert.Equal(cluster.Silos[silo].SiloAddress, NodeClusters.LocationOf(cluster, cluster.Client.GetGrain<IOllamaHostGrain>(name)));
    }

    [Fact]
    public async Task HostActivatedOnAnotherNodesSilo_MovesToItsNodesSilo()
    {
        var name = TestHosts.UniqueName("moving");
        var host = cluster.Client.GetGrain<IOllamaHostGrain>(name);
        var registration = Registration(name, "http://10.77.0.2:11434");
        RequestContext.Set(IPlacementDirector.PlacementHintKey, SiloA);
        try
        {
            await host.StartAsync(registration);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }

        Assert.Equal(SiloB, await NodeClusters.EventuallyOnAsync(cluster, host, SiloB, () => host.StartAsync(registration)));
        await host.StartAsync(registration);
        Assert.Equal(SiloB, NodeClusters.LocationOf(cluster, host));
    }

    [Theory]
    [InlineData("http://10.99.0.9:11434")]
    [InlineData("http://127.0.0.1:11434")]
    public async Task HostOnNoSilosNode_OrOnLoopback_MovesToItsRendezvousHome(string url)
    {
        var name = TestHosts.UniqueName("homing");
        var host = cluster.Client.GetGrain<IOllamaHostGrain>(name);
        var home = Rendezvous.Home(host.GetGrainId(), [SiloA, SiloB])!;
        var elsewhere = home.Equals(SiloA) ? SiloB : SiloA;
        RequestContext.Set(IPlacementDirector.PlacementHintKey, elsewhere);
        try
        {
            await host.StartAsync(Registration(name, url));
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }

        Assert.Equal(home, await NodeClusters.EventuallyOnAsync(cluster, host, home, () => host.StartAsync(Registration(name, url))));

        // At home it stays: a further start keeps the same activation.
        Assert.True(cluster.TryGetGrainContext(host.GetGrainId(), out var context));
        await host.StartAsync(Registration(name, url));
        Assert.True(cluster.TryGetGrainContext(host.GetGrainId(), out var after));
        Assert.Equal(context.ActivationId, after.ActivationId);
    }
}
