using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>
/// <c>ollama_monitor_host_registered</c>, which <c>OllamaHostNotExported</c> compares with the hosts'
/// own series: in a cluster exactly one silo (the fleet grain's) exports it for every registered
/// host, and when that silo dies a survivor takes over.
/// </summary>
[Collection(WaitingLane3.Name)]
public sealed class RegisteredHostsSeriesTests
{
    [Fact]
    public async Task EveryRegisteredHost_IsExportedByExactlyOneSilo_AndBySurvivorAfterThatSiloIsKilled()
    {
        await using var rig = await ClusterRig.StartAsync(silos: 2, hosts: 3);

        var before = await Eventually.WithinAsync(TimeSpan.FromSeconds(60), () => ExportersAsync(rig), OncePerHost(rig), Describe);
        var holder = before.Values.First().Single();
        Assert.All(before.Values, silos => Assert.Equal([holder], silos));

        var killed = rig.Silos[holder];
        killed.Process.KillHard();
        await killed.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        rig.Forget(killed);

        var after = await Eventually.WithinAsync(TimeSpan.FromSeconds(150), () => ExportersAsync(rig), OncePerHost(rig), Describe);
        Assert.All(after.Values, silos => Assert.Equal([0], silos));
    }

    private static Func<Dictionary<string, List<int>>, bool> OncePerHost(ClusterRig rig) =>
        exporters => exporters.Keys.Order().SequenceEqual(rig.Hosts.Order()) && exporters.Values.All(s => s.Count == 1);

    /// <summary>For each host in any silo's registry series, the indexes of the silos that export it.</summary>
    private static async Task<Dictionary<string, List<int>>> ExportersAsync(ClusterRig rig)
    {
        var scrapes = await Task.WhenAll(rig.Silos.Select(s => s.ScrapeAsync()));
        var exporters = new Dictionary<string, List<int>>();
        for (var i = 0; i < scrapes.Length; i++)
        {
            foreach (var sample in scrapes[i].Named("ollama_monitor_host_registered"))
            {
                Assert.Equal(1, sample.Value);
                exporters.TryAdd(sample["host"], []);
                exporters[sample["host"]].Add(i);
            }
        }

        return exporters;
    }

    private static string Describe(Dictionary<string, List<int>>? exporters) =>
        "registered hosts by exporting silo: " + string.Join(", ", (exporters ?? []).Select(e => $"{e.Key} on [{string.Join(',', e.Value)}]"));
}
