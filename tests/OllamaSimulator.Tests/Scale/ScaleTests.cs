using System.Diagnostics;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Scale;

/// <summary>Benchmarks run one simulator process with 3,000 hosts; it must start, serve and stop quickly.</summary>
public sealed class ScaleTests
{
    [Fact]
    public async Task ThreeThousandHosts_StartServeEveryPortAndStop()
    {
        var clock = Stopwatch.StartNew();
        await using var sim = await TestSimulator.StartAsync(o => o.With(hosts: 3000));
        var started = clock.Elapsed;

        Assert.Equal(3000, sim.Hosts.Select(h => h.Port).Distinct().Count());
        using var client = new HttpClient();
        var answers = await Task.WhenAll(sim.Hosts.Chunk(300).Select(async chunk =>
        {
            var ok = 0;
            foreach (var host in chunk)
            {
                ok += await client.GetStringAsync(new Uri(host.BaseUri, "api/version")) == "{\"version\":\"0.32.15\"}" ? 1 : 0;
            }

            return ok;
        }));

        Assert.Equal(3000, answers.Sum());
        Assert.True(started < TimeSpan.FromSeconds(10), $"3,000 hosts took {started} to start");
    }
}
