using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;
using Xunit.Abstractions;

namespace OllamaOrleans.EndToEnd.Cluster;

/// <summary>Fault 2: Redis stopped for 60 s and started again.</summary>
[Collection(WaitingLane1.Name)]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RedisDownFor60Seconds_SilosKeepPollingAndServing_StateWrittenAfterItReturns_LoggedOnce()
    {
        await using var rig = await ClusterRig.StartAsync(silos: 2, hosts: 4);
        await rig.SettledAsync(TimeSpan.FromSeconds(60));

        await rig.Redis.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        var lastPolls = await rig.ValuesAsync("ollama_last_poll_timestamp_seconds");
        while (DateTimeOffset.UtcNow - stoppedAt < Outage)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            Assert.All(rig.Silos, s => Assert.False(s.Process.HasExited, "a silo exited:\n" + s.Process.OutputText));
            var polls = await rig.ValuesAsync("ollama_last_poll_timestamp_seconds");
            Assert.All(rig.Hosts, h => Assert.True(
                polls.GetValueOrDefault(h) > lastPolls.GetValueOrDefault(h),
                $"{h} not polled in the last 10 s of the outage (last poll {lastPolls.GetValueOrDefault(h)}, now {polls.GetValueOrDefault(h)}; 0: not exported):\n" + string.Join("\n", rig.LogLines(h, "membership", "storage").TakeLast(40))));
            lastPolls = polls;
        }

        await rig.Redis.StartAsync();
        var restartedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        // Every host grain writes its state again: the stored last poll is after Redis came back.
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(60),
            () => Task.FromResult(StoredLastPolls(rig)),
            stored => stored.Count == 4 && stored.Values.All(t => t > restartedAt),
            stored => "stored last polls: " + (stored is null ? "none" : string.Join(", ", stored.Values)));
        Assert.All(rig.Silos, s => Assert.False(s.Process.HasExited));
        var owners = await rig.SettledAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(rig.Hosts.Order(), owners.Keys.Order());

        // Each silo that saw failures (one that holds no host writes nothing) said so once, and once
        // that they stopped.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(rig.Silos.All(s => Lines(s, "Grain storage writes succeed again after") == Lines(s, "Grain storage writes fail:"))), ok => ok, _ => "failure and recovery lines differ:\n" + StorageLines(rig));
        Assert.True(rig.Silos.Sum(s => Lines(s, "Grain storage writes fail:")) >= 1, StorageLines(rig));
        foreach (var silo in rig.Silos)
        {
            var log = silo.Process.Output;
            output.WriteLine($"silo {silo.HttpPort}: {log.Count} log lines");
            Assert.True(Lines(silo, "Grain storage writes fail:") <= 1, StorageLines(rig));
            Assert.True(Lines(silo, "still fail after") <= 1, StorageLines(rig));
            foreach (var host in rig.Hosts)
            {
                Assert.True(log.Count(l => l.Contains(host, StringComparison.Ordinal)) <= 10, $"{host} named in {log.Count(l => l.Contains(host, StringComparison.Ordinal))} log lines of silo {silo.HttpPort}");
            }
        }
    }

    private static string StorageLines(ClusterRig rig) =>
        string.Join("\n", rig.Silos.Select(s => $"silo {s.HttpPort}:\n" + string.Join("\n", s.Process.Output.Where(l => l.Contains("StorageHealth", StringComparison.Ordinal) || l.Contains("Grain storage", StringComparison.Ordinal)).Take(20))));

    private static int Lines(SiloProcess silo, string text) => silo.Process.Output.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>The host grains' stored state, read from Redis itself: host name to its stored last poll.</summary>
    private static Dictionary<string, double> StoredLastPolls(ClusterRig rig)
    {
        var stored = new Dictionary<string, double>();
        foreach (var key in rig.Redis.Cli("--scan", "--pattern", "*/state/*host*").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var data = rig.Redis.Cli("HGET", key, "data").Trim();
            if (data.Length == 0 || data[0] != '{')
            {
                continue;
            }

            var state = JsonDocument.Parse(data).RootElement;
            if (state.TryGetProperty("Registration", out var registration) && registration.ValueKind == JsonValueKind.Object
                && state.TryGetProperty("LastPollAt", out var at) && at.ValueKind == JsonValueKind.String)
            {
                stored[registration.GetProperty("Name").GetString()!] = at.GetDateTimeOffset().ToUnixTimeMilliseconds() / 1000.0;
            }
        }

        return stored;
    }
}
