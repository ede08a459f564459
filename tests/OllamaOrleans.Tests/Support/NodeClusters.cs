using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Grains.Placement;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// The two (claimed) nodes of <see cref="ClusterFixture.OnNodes"/>: node A (10.77.0.1, "node-a") and
/// node B (10.77.0.2, "node-b"), and waits on where such a cluster's grains are.
/// </summary>
public static class NodeClusters
{
    public static readonly NodeIdentity NodeA = NodeIdentity.Create(["node-a"], [IPAddress.Parse("10.77.0.1")]);
    public static readonly NodeIdentity NodeB = NodeIdentity.Create(["node-b"], [IPAddress.Parse("10.77.0.2")]);

    /// <summary>
    /// Node identities travel as silo metadata, and grain manifests separately, both fetched as silos
    /// join: wait until every silo knows every other's of both.
    /// </summary>
    public static async Task WaitForNodeIdentitiesAsync(InProcessTestCluster cluster)
    {
        var silos = cluster.Silos.Select(s => s.SiloAddress).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        foreach (var silo in cluster.Silos)
        {
            var nodes = silo.ServiceProvider.GetRequiredService<INodeDirectory>();
            if (!await Eventually.TrueWithinAsync(deadline - DateTime.UtcNow, async () => (await nodes.SilosServingAsync("http://10.77.0.1:1/", silos)).Count + (await nodes.SilosServingAsync("http://10.77.0.2:1/", silos)).Count >= silos.Count, TimeSpan.FromMilliseconds(50)))
            {
                throw new TimeoutException($"Silo {silo.SiloAddress} did not learn the other silos' node identities.");
            }

            // Placement picks among the silos whose grain types the cluster manifest lists: until the
            // joining silo's manifest has arrived, a migration to it is declined (and not retried for
            // minutes), so the test would wait for the watchdog's next round.
            var manifest = silo.ServiceProvider.GetRequiredService<IClusterManifestProvider>();
            if (!await Eventually.TrueWithinAsync(deadline - DateTime.UtcNow, () => silos.All(manifest.Current.Silos.ContainsKey), TimeSpan.FromMilliseconds(50)))
            {
                throw new TimeoutException($"Silo {silo.SiloAddress} did not receive every silo's grain manifest.");
            }
        }
    }

    public static SiloAddress? LocationOf(InProcessTestCluster cluster, IAddressable grain) =>
        cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress : null;

    /// <summary>
    /// Repeats <paramref name="nudge"/> (what the fleet's watchdog does every minute) until the grain
    /// is on <paramref name="expected"/>: a migration whose hand-over fails under load leaves the grain
    /// inactive until its next call, which places it again.
    /// </summary>
    public static async Task<SiloAddress?> EventuallyOnAsync(InProcessTestCluster cluster, IAddressable grain, SiloAddress expected, Func<Task> nudge)
    {
        var first = true;
        await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(20), async () =>
        {
            if (!first && LocationOf(cluster, grain) is null)
            {
                await nudge();
            }

            first = false;
            return expected.Equals(LocationOf(cluster, grain));
        });
        return LocationOf(cluster, grain);
    }
}
