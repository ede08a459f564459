using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Cluster;

/// <summary>Fault 4: a silo joining a running cluster takes over part of the hosts.</summary>
[Collection(ProcessCollection.Name)]
public sealed class SiloJoinTests
{
    [Fact]
    public async Task JoiningSilo_TakesOverItsShare_EveryHostStillExportedOnce()
    {
        await using var rig = await ClusterRig.StartAsync(silos: 2, hosts: 9);
        await rig.SettledAsync(TimeSpan.FromSeconds(60));

        await rig.StartSiloAsync();
        var joined = rig.Silos.Count - 1;
        var owners = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(90),
            rig.OwnersAsync,
            o => o.Values.All(s => s.Count == 1) && o.Values.Any(s => s[0] == joined),
            ClusterRig.Describe);

        Assert.Equal(rig.Hosts.Order(), owners.Keys.Order());
        Assert.All(Enumerable.Range(0, rig.Silos.Count), i => Assert.Contains(owners.Values, s => s[0] == i));
    }
}
