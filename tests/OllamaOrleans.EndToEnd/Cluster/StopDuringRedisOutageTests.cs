using System.Diagnostics;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Cluster;

/// <summary>
/// SIGTERM while Redis is down: Orleans retries writing the silo's status for minutes, so the silo
/// bounds its stop (the host's 30 s shutdown timeout and 10 s more) and exits with code 4, saying why.
/// </summary>
[Collection(WaitingLane3.Name)]
public sealed class StopDuringRedisOutageTests
{
    [Fact]
    public async Task Sigterm_WhileRedisIsDown_ExitsWithCode4After40Seconds_AndSaysWhy()
    {
        await using var rig = await ClusterRig.StartAsync(silos: 1, hosts: 1);
        await rig.SettledAsync(TimeSpan.FromSeconds(60));
        var silo = rig.Silos[0];

        await rig.Redis.StopAsync();
        var watch = Stopwatch.StartNew();
        silo.Process.Terminate();
        var exit = await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(4, exit);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(39), TimeSpan.FromSeconds(60));
        Assert.Single(silo.Process.Output, l => l.Contains("The silo has not stopped 00:00:40 after the stop began (is Redis reachable? Orleans keeps retrying the membership table); exiting with code 4.", StringComparison.Ordinal));
    }
}
