using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources;

/// <summary>
/// The sampler on the real /proc, against tests/FakeOllama: a server process listening on a loopback
/// port with a runner child that holds 64 MiB and burns half a core. Real CPU takes real time, so
/// these wait for figures to grow (up to a deadline) rather than for a signal.
/// </summary>
[Collection(RealProcessCollection.Name)]
public sealed class ResourceSamplerTests : IAsyncLifetime
{
    private const long HeldBytes = 64L << 20;
    private readonly HostSnapshotRegistry hosts = new();
    private readonly ResourceRegistry resources = new();
    private readonly string sysRoot = Directory.CreateTempSubdirectory("sys-").FullName;
    private FakeOllamaProcess ollama = null!;

    public async Task InitializeAsync() => ollama = await FakeOllamaProcess.StartAsync(TestHosts.ClosedPort());

    public async Task DisposeAsync()
    {
        await ollama.DisposeAsync();
        Directory.Delete(sysRoot, recursive: true);
    }

    private ResourceSampler Sampler(params ProcessSourceOptions[] processes) => new(
        hosts,
        new LoopbackNodeDirectory(),
        new HostAddressCache(TimeProvider.System),
        NoInferenceActivity.Instance,
        new GpuCollector([], NullLogger<GpuCollector>.Instance),
        resources,
        Options.Create(new ResourceOptions { IdleInterval = TimeSpan.FromMilliseconds(100), BusyInterval = TimeSpan.FromMilliseconds(100), SysRoot = sysRoot, Processes = [.. processes] }),
        TimeProvider.System,
        NullLoggerFactory.Instance);

    private void Register(string name, string url) => hosts.Publish(new HostSnapshot(
        new HostRegistration(name, url, ImmutableSortedDictionary<string, string>.Empty, HostSource.Api), true, null, null, null, [], [], 0, null));

    /// <summary>Samples until <paramref name="done"/>, checking on every sample that no counter went backwards.</summary>
    private async Task<HostResources> SampleUntilAsync(ResourceSampler sampler, string host, Func<HostResources, bool> done, HostResources? floor = null)
    {
        var last = floor;
        var sample = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            async () =>
            {
                await sampler.CollectAsync();
                var current = resources.Get(host);
                if (current is not null)
                {
                    if (last is not null)
                    {
                        Assert.True(Total(current.Server) >= Total(last.Server) && Total(current.Runner) >= Total(last.Runner), "a CPU counter went backwards");
                    }

                    last = current;
                }

                return current;
            },
            current => current is not null && done(current),
            _ => $"last: {last}");
        return sample!;
    }

    private static double Total(RoleFigures f) => f.CpuSecondsBusy + f.CpuSecondsIdle;

    [Fact]
    public async Task RunnerLikeChild_ItsCpuAndMemoryAppearUnderItsHostAndRole_AndFollowARestart()
    {
        Register("fake", ollama.Url);
        var sampler = Sampler();

        var first = await SampleUntilAsync(sampler, "fake", r => r.Runner.CpuSecondsIdle >= 0.3 && r.Runner.CpuPercent > 0);

        Assert.Equal(ollama.ServerPid, first.ServerPid);
        Assert.Equal([ollama.RunnerPid], first.RunnerPids.ToArray());
        Assert.Equal((1, 1), (first.Server.Processes, first.Runner.Processes));
        Assert.InRange(first.Runner.MemoryBytes, HeldBytes, 4 * HeldBytes);
        Assert.InRange(first.Server.MemoryBytes, 1, first.Runner.MemoryBytes - (HeldBytes / 2));
        Assert.InRange(first.Runner.CpuPercent!.Value, 1, 200);
        Assert.True(first.Runner.CpuSecondsIdle > Total(first.Server), $"runner {first.Runner} used no more CPU than server {first.Server}");
        Assert.Equal(0, first.Runner.CpuSecondsBusy);

        await ollama.KillAsync();
        ollama = await FakeOllamaProcess.StartAsync(ollama.Port);
        var restarted = await SampleUntilAsync(
            sampler,
            "fake",
            r => r.ServerPid == ollama.ServerPid && r.RunnerPids.SequenceEqual([ollama.RunnerPid]) && r.Runner.CpuSecondsIdle >= first.Runner.CpuSecondsIdle + 0.3,
            first);

        Assert.InRange(restarted.Runner.MemoryBytes, HeldBytes, 4 * HeldBytes);
    }

    [Fact]
    public async Task HostWhoseUrlIsOnAnotherNode_IsNotSampled_UnlessItHasAPidFile()
    {
        Register("elsewhere", $"http://10.255.0.1:{ollama.Port}");
        Register("pidfile", $"http://10.255.0.2:{ollama.Port}");
        var pidFile = Path.Combine(sysRoot, "ollama.pid");
        await File.WriteAllTextAsync(pidFile, $"{ollama.ServerPid}\n");
        var sampler = Sampler(new ProcessSourceOptions { Host = "pidfile", PidFile = pidFile });

        var found = await SampleUntilAsync(sampler, "pidfile", r => r.Runner.Processes == 1);

        Assert.Equal(ollama.ServerPid, found.ServerPid);
        Assert.Equal([ollama.RunnerPid], found.RunnerPids.ToArray());
        Assert.Null(resources.Get("elsewhere"));
    }

    [Fact]
    public async Task HostInACgroup_TheRootIsTheServer_AndTheOthersAreRunners()
    {
        Register("unit", "http://10.255.0.3:11434");
        var cgroup = Path.Combine(sysRoot, "fs", "cgroup", "system.slice", "ollama.service");
        Directory.CreateDirectory(cgroup);
        await File.WriteAllTextAsync(Path.Combine(cgroup, "cgroup.procs"), $"{ollama.RunnerPid}\n{ollama.ServerPid}\n");
        var sampler = Sampler(new ProcessSourceOptions { Host = "unit", Cgroup = "system.slice/ollama.service" });

        var found = await SampleUntilAsync(sampler, "unit", r => r.Runner.Processes == 1);

        Assert.Equal(ollama.ServerPid, found.ServerPid);
        Assert.Equal([ollama.RunnerPid], found.RunnerPids.ToArray());
    }

    [Fact]
    public async Task HostLeavingThisSilo_ItsFiguresGoAtTheNextCycle()
    {
        Register("fake", ollama.Url);
        var sampler = Sampler();
        await SampleUntilAsync(sampler, "fake", r => r.Server.Processes == 1);

        hosts.Remove("fake");
        await sampler.CollectAsync();

        Assert.Null(resources.Get("fake"));
    }
}
