using System.Diagnostics;
using OllamaOrleans.EndToEnd.Support;
using Xunit.Abstractions;

namespace OllamaOrleans.EndToEnd.Cluster;

/// <summary>Fault 1: kill -9 of a silo that holds hosts.</summary>
[Collection(WaitingLane2.Name)]
public sealed class SiloKillTests(ITestOutputHelper output)
{
    private const string Model = "llama3.2";

    [Fact]
    public async Task KillNine_SurvivorsPollEveryHostWithin90Seconds_CountersNeverGoBack()
    {
        await using var rig = await ClusterRig.StartAsync(silos: 3, hosts: 6);
        foreach (var port in rig.Simulator.Ports)
        {
            await rig.Simulator.LoadAsync(port, Model, -1);
        }

        var owners = await rig.SettledAsync(TimeSpan.FromSeconds(90));
        await Eventually.WithinAsync(TimeSpan.FromSeconds(60), () => UseThenCountAsync(rig), c => c.Loads.Count == 6 && c.Requests.Count == 6 && c.Requests.Values.All(v => v >= 2), c => $"counters: {c}");
        var victim = Enumerable.Range(0, rig.Silos.Count).MaxBy(i => owners.Values.Count(o => o[0] == i));
        var orphans = owners.Where(o => o.Value[0] == victim).Select(o => o.Key).ToList();
        Assert.NotEmpty(orphans);

        var before = await Counters(rig);
        var killed = rig.Silos[victim];
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        killed.Process.KillHard();
        await killed.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        rig.Forget(killed);

        // Every host the dead silo held is polled again by a survivor (a poll that started after the kill).
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(90),
            () => rig.ValuesAsync("ollama_last_poll_timestamp_seconds"),
            polls => orphans.All(h => polls.TryGetValue(h, out var at) && at > killedAt.ToUnixTimeMilliseconds() / 1000.0),
            polls => $"not polled since the kill: {string.Join(", ", orphans.Where(h => polls is null || !polls.TryGetValue(h, out var at) || at <= killedAt.ToUnixTimeMilliseconds() / 1000.0))}");
        output.WriteLine($"recovered {orphans.Count} host(s) of the killed silo in {clock.Elapsed.TotalSeconds:F1} s");

        var settled = await rig.SettledAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(rig.Hosts.Order(), settled.Keys.Order());
        var hostGrains = await Task.WhenAll(rig.Silos.Select(async s => (await s.ScrapeAsync()).Value("ollama_monitor_hosts") ?? 0));
        Assert.Equal(6, hostGrains.Sum());

        var after = await Counters(rig);
        foreach (var host in rig.Hosts)
        {
            Assert.True(after.Loads[host] >= before.Loads[host], $"{host}: loads went back from {before.Loads[host]} to {after.Loads[host]}");
            Assert.True(after.Requests[host] >= before.Requests[host], $"{host}: probe requests went back from {before.Requests[host]} to {after.Requests[host]}");
            Assert.True(after.Polls[host] >= before.Polls[host], $"{host}: polls went back from {before.Polls[host]} to {after.Polls[host]}");
        }
    }

    /// <summary>Clients use every host's model (no keep_alive: it stays -1), so LoadedOnly probes follow.</summary>
    private static async Task<CounterSet> UseThenCountAsync(ClusterRig rig)
    {
        foreach (var port in rig.Simulator.Ports)
        {
            await rig.Simulator.LoadAsync(port, Model);
        }

        return await Counters(rig);
    }

    private static async Task<CounterSet> Counters(ClusterRig rig)
    {
        var scrapes = await Task.WhenAll(rig.Silos.Select(s => s.ScrapeAsync()));
        var samples = scrapes.SelectMany(s => s.Samples).ToList();
        Dictionary<string, double> Sum(string name, Func<Sample, bool>? where = null) =>
            samples.Where(s => s.Name == name && (where is null || where(s))).GroupBy(s => s["host"]).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        return new CounterSet(
            Sum("ollama_model_loads_total"),
            Sum("ollama_requests_total", s => s["source"] == "probe"),
            Sum("ollama_poll_duration_seconds_count", s => s["endpoint"] == "/api/ps"));
    }

    private sealed record CounterSet(Dictionary<string, double> Loads, Dictionary<string, double> Requests, Dictionary<string, double> Polls)
    {
        public override string ToString() => $"loads {Loads.Count} hosts, requests {string.Join(' ', Requests.Values)}";
    }
}
