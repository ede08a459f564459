using OllamaOrleans.EndToEnd.Support;
using Xunit.Abstractions;

namespace OllamaOrleans.EndToEnd.Cluster;

/// <summary>Fault 3: a rolling restart of every silo, one at a time.</summary>
[Collection(WaitingLane3.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    /// <summary>What a poll adds to its interval: the timer's period runs from the end of the previous poll.</summary>
    private static readonly TimeSpan PollDuration = TimeSpan.FromSeconds(0.25);

    [Fact]
    public async Task RollingRestart_NoHostUnpolledForMoreThanTwoIntervals()
    {
        await using var rig = await ClusterRig.StartAsync(silos: 3, hosts: 6);
        await rig.SettledAsync(TimeSpan.FromSeconds(60));

        // When each host was polled, seen from the host itself: the simulator's count of /api/ps
        // requests, read five times a second (no probes run: no model is loaded).
        var polls = rig.Simulator.Ports.ToDictionary(p => p, _ => new List<(DateTimeOffset At, long Count)>());
        using var stop = new CancellationTokenSource();
        var resolution = TimeSpan.Zero;
        var sampler = Task.Run(async () =>
        {
            var round = DateTimeOffset.UtcNow;
            while (!stop.IsCancellationRequested)
            {
                var now = DateTimeOffset.UtcNow;
                resolution = now - round > resolution ? now - round : resolution;
                round = now;
                foreach (var port in rig.Simulator.Ports)
                {
                    var count = PsRequests(await rig.Simulator.StatsAsync(port));
                    var seen = polls[port];
                    if (seen.Count == 0 || seen[^1].Count != count)
                    {
                        seen.Add((DateTimeOffset.UtcNow, count));
                    }
                }

                await Task.Delay(200);
            }
        });

        var start = DateTimeOffset.UtcNow;
        foreach (var old in rig.Silos.ToList())
        {
            old.Process.Terminate();
            Assert.Equal(0, await old.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            rig.Forget(old);
            await rig.StartSiloAsync();
        }

        await rig.SettledAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(ClusterRig.PollInterval * 2);
        await stop.CancelAsync();
        await sampler;

        // A poll is seen within one sampling round of when it happened, so a measured gap can exceed
        // the real one by up to the longest round.
        var limit = ((ClusterRig.PollInterval + PollDuration) * 2) + resolution;
        output.WriteLine($"limit {limit.TotalSeconds:F2} s: two intervals of {ClusterRig.PollInterval.TotalSeconds} s plus {PollDuration.TotalSeconds} s each, plus the longest sampling round, {resolution.TotalSeconds:F2} s");
        var gaps = new Dictionary<int, TimeSpan>();
        foreach (var (port, seen) in polls)
        {
            var times = seen.Where(s => s.At >= start - limit).Select(s => s.At).ToList();
            var longest = times.Zip(times.Skip(1), (a, b) => (Gap: b - a, After: a)).MaxBy(g => g.Gap);
            gaps[port] = longest.Gap;
            output.WriteLine($"{port}: {seen[^1].Count - seen[0].Count} polls, longest gap {longest.Gap.TotalSeconds:F2} s after {longest.After:HH:mm:ss.fff}");
        }

        foreach (var line in rig.LogLines("Stopping:", "membership changed", "moves to silo", "exception"))
        {
            output.WriteLine(line);
        }

        Assert.All(gaps, g => Assert.True(g.Value <= limit, $"{g.Key} was not polled for {g.Value.TotalSeconds:F2} s (limit {limit.TotalSeconds} s)"));
    }

    private static long PsRequests(System.Text.Json.JsonElement stats) =>
        stats.GetProperty("requests").EnumerateArray()
            .Where(r => r.GetProperty("endpoint").GetString()!.EndsWith("ps", StringComparison.Ordinal))
            .Sum(r => r.GetProperty("count").GetInt64());
}
