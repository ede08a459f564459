using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Tests.Support;
using Orleans.TestingHost;

namespace OllamaOrleans.Tests.Grains.Placement;

/// <summary>The GPU node's silo starts after its host was placed elsewhere: the fleet's watchdog moves the host there.</summary>
public sealed class NodeJoiningLaterTests : IAsyncLifetime
{
    private readonly ClusterFixture nodes = ClusterFixture.OnNodes(1);

    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        await nodes.InitializeAsync();
        cluster = nodes.Cluster;
    }

    public async Task DisposeAsync() => await nodes.DisposeAsync();

    [Fact]
    public async Task SiloOfTheHostsNodeJoins_TheWatchdogMovesTheHostThere()
    {
        var fleet = cluster.Client.GetGrain<IFleetGrain>(IFleetGrain.Key);
        var host = cluster.Client.GetGrain<IOllamaHostGrain>("gpu-b");
        await fleet.UpsertAsync(new HostRegistration("gpu-b", "http://10.77.0.2:11434", ImmutableSortedDictionary<string, string>.Empty, HostSource.Api));
        Assert.Equal(cluster.Silos[0].SiloAddress, NodeClusters.LocationOf(cluster, host));

        var nodeB = await cluster.StartAdditionalSiloAsync();
        await NodeClusters.WaitForNodeIdentitiesAsync(cluster);
        await fleet.EnsureHostsActiveAsync();

        Assert.Equal(nodeB.SiloAddress, await NodeClusters.EventuallyOnAsync(cluster, host, nodeB.SiloAddress, fleet.EnsureHostsActiveAsync));
        Assert.Equal("http://10.77.0.2:11434", (await fleet.GetHostsAsync()).Single().Url);
    }
}
