using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Protocol.Statistics;
using OllamaSimulator;
using Orleans.TestingHost;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// One in-process silo with the monitor's grains and one in-process Ollama simulator, shared by the
/// grain and probe tests. Timers are an hour apart, so tests drive polls and probes explicitly
/// (<c>PollNowAsync</c>, <c>ProbeNowAsync</c>) and count exactly. Probes run LoadedOnly by default and
/// Always on the hosts named <c>always-N</c>; a LoadedOnly probe still starts on its own after the
/// first client use a poll shows (later ones are an interval, an hour, apart). A host keeps at most
/// five models (the simulator's hosts have five).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int SimulatedHosts = 12;

    private int nextHost;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public SimulatorHost Simulator { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public IHostSnapshotRegistry Registry => Cluster.Silos[0].ServiceProvider.GetRequiredService<IHostSnapshotRegistry>();

    /// <summary>A simulated Ollama host no other test uses.</summary>
    public SimulatedOllama NextHost() => Simulator.Hosts[Interlocked.Increment(ref nextHost) - 1];

    /// <summary>
    /// Waits until the model grain has counted <paramref name="count"/> probes: LoadedOnly probes start
    /// on their own, right after a poll or the gateway shows a client's use.
    /// </summary>
    public async Task<long> WaitForProbesAsync(string host, string model, long count)
    {
        var grain = Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(host, model));
        long counted = 0;
        await Eventually.TrueWithinAsync(
            TimeSpan.FromSeconds(20),
            async () =>
            {
                var snapshot = await grain.GetSnapshotAsync();
                counted = snapshot?.Inference.Where(c => c.Source == InferenceSources.Probe).Sum(c => c.Requests.Sum(r => r.Count)) ?? 0;
                return counted >= count;
            },
            TimeSpan.FromMilliseconds(25));
        return counted;
    }

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Hosts = SimulatedHosts,
            LoadTime = TimeSpan.FromMilliseconds(50),
            TokensPerSecond = 200,
        });
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseQuietMonitorGrains();
            silo.Services.Configure<PollingOptions>(o => o.MaxModelsPerHost = 5);
            silo.Services.Configure<ProbeOptions>(o =>
            {
                o.Interval = TimeSpan.FromHours(1);
                o.Timeout = TimeSpan.FromSeconds(2);
                o.Overrides.AddRange(Enumerable.Range(1, 10).Select(i => new ProbeOverride { Host = $"always-{i}", Mode = ProbeMode.Always }));
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
