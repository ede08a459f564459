using System.Collections.Concurrent;
using OllamaOrleans.EndToEnd.Support;
using Xunit.Abstractions;

namespace OllamaOrleans.EndToEnd.Cluster;

/// <summary>Fault 3: a rolling restart of every silo, one at a time.</summary>
[Collection(ProcessCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PollSlack = TimeSpan.FromSeconds(0.5);

    [Fact]
    public async Task RollingRestart_NoHostUnpolledForMoreThanTwoIntervals()
    {
        await using var rig = await ClusterRig.StartAsync(silos: 3, hosts: 6);
        await rig.SettledAsync(TimeSpan.FromSeconds(60));

        // Every distinct poll time of every host, as any silo exports it, sampled four times a second.
        var polls = new ConcurrentDictionary<string, SortedSet<double>>();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var silo in rig.Silos.ToList())
                {
                    try
                    {
                        foreach (var s in (await silo.ScrapeAsync()).Named("ollama_last_poll_timestamp_seconds"))
                        {
                            var times = polls.GetOrAdd(s["host"], _ => []);
                            lock (times)
                            {
                                times.Add(s.Value);
                            }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // A silo stopping.
                    }
                }

                await Task.Delay(250);
            }
        });

        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
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

        // Two intervals, plus the slack a poll adds itself: the timer's period runs from the end of the
        // previous poll, so consecutive polls are an interval plus one poll's duration apart.
        var limit = (ClusterRig.PollInterval * 2).TotalSeconds + PollSlack.TotalSeconds;
        var gaps = new Dictionary<string, double>();
        foreach (var host in rig.Hosts)
        {
            var times = polls[host].Where(t => t >= start - limit).ToList();
            gaps[host] = times.Zip(times.Skip(1), (a, b) => b - a).Max();
            output.WriteLine($"{host}: {times.Count} polls, longest gap {gaps[host]:F2} s");
        }

        foreach (var line in rig.LogLines("Stopping:", "membership changed", "moves to silo", "exception"))
        {
            output.WriteLine(line);
        }

        Assert.All(gaps, g => Assert.True(g.Value <= limit, $"{g.Key} was not polled for {g.Value:F2} s (limit {limit} s)"));
    }
}
