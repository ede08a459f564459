using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Fleet;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Protocol.Security;
using OllamaOrleans.Protocol.Statistics;
using OllamaSimulator;
using Orleans.TestingHost;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// The tests' one in-process cluster. As a collection fixture builds it: one silo with the monitor's
/// grains on quiet timers (<see cref="QuietSilo"/>), the real fleet grain (key "fleet", as the API uses
/// it), a DNS stand-in for the address guard and an in-process Ollama simulator. Timers are an hour
/// apart, so tests drive polls and probes explicitly (<c>PollNowAsync</c>, <c>ProbeNowAsync</c>) and
/// count exactly; only <c>/probe</c>'s first poll reaches an Ollama host on its own. Probes run
/// LoadedOnly by default and Always on the hosts named <c>always-N</c>; a LoadedOnly probe still starts
/// on its own after the first client use a poll shows (later ones are an interval, an hour, apart). A
/// host keeps at most five models (the simulator's hosts have five). API tests start API servers over
/// it with the keys and settings they need (<see cref="StartApiAsync(ApiKeySpec[])"/>). Tests that
/// change the cluster itself take an instance of their own (<see cref="OnNodes"/>).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int SimulatedHosts = 12;

    /// <summary>0 for the shared shape; otherwise the silos of a cluster on (claimed) nodes.</summary>
    private readonly int nodeSilos;

    private int nextHost;

    private SimulatorHost? simulator;

    public ClusterFixture()
    {
    }

    private ClusterFixture(int nodeSilos) => this.nodeSilos = nodeSilos;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public SimulatorHost Simulator => simulator ?? throw new InvalidOperationException("A cluster on nodes runs no simulator.");

    public IGrainFactory Grains => Cluster.Client;

    public IFleetGrain Fleet => Grains.GetGrain<IFleetGrain>(IFleetGrain.Key);

    public IHostSnapshotRegistry Registry => Cluster.Silos[0].ServiceProvider.GetRequiredService<IHostSnapshotRegistry>();

    /// <summary>The silo's registry limits; a test that changes them puts them back.</summary>
    public FleetOptions Limits => Cluster.Silos[0].ServiceProvider.GetRequiredService<IOptions<FleetOptions>>().Value;

    /// <summary>
    /// A cluster of its own whose silos claim to run on different nodes: the first on
    /// <see cref="NodeClusters.NodeA"/>, every further one (<c>StartAdditionalSiloAsync</c> too) on
    /// <see cref="NodeClusters.NodeB"/>; the monitor's grains on quiet timers, nothing else.
    /// </summary>
    public static ClusterFixture OnNodes(int silos) => new(silos);

    /// <summary>A simulated Ollama host no other test uses.</summary>
    public SimulatedOllama NextHost() => Simulator.Hosts[Interlocked.Increment(ref nextHost) - 1];

    public Task<TestApi> StartApiAsync(params ApiKeySpec[] keys) => TestApi.StartAsync(Grains, keys, _ => { });

    public Task<TestApi> StartApiAsync(Action<IServiceCollection> configure, params ApiKeySpec[] keys) => TestApi.StartAsync(Grains, keys, configure);

    public async Task<IReadOnlyList<HostRegistration>> HostsAsync() => await Fleet.GetHostsAsync();

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
        if (nodeSilos == 0)
        {
            simulator = await SimulatorHost.StartAsync(new SimulatorOptions
            {
                Hosts = SimulatedHosts,
                LoadTime = TimeSpan.FromMilliseconds(50),
                TokensPerSecond = 200,
            });
        }

        var builder = new InProcessTestClusterBuilder((short)Math.Max(1, nodeSilos));
        builder.ConfigureSilo((options, silo) =>
        {
            silo.UseQuietMonitorGrains();
            if (nodeSilos == 0)
            {
                ConfigureShared(silo);
            }
            else
            {
                silo.UseNodeIdentity(options.SiloName is "Silo_0" or "Primary" ? NodeClusters.NodeA : NodeClusters.NodeB);
            }
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }

    private static void ConfigureShared(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ITargetResolver>(TableResolver.Standard);
        silo.Services.Configure<PollingOptions>(o => o.MaxModelsPerHost = 5);
        silo.Services.Configure<ProbeOptions>(o =>
        {
            o.Interval = TimeSpan.FromHours(1);
            o.Timeout = TimeSpan.FromSeconds(2);
            o.Overrides.AddRange(Enumerable.Range(1, 10).Select(i => new ProbeOverride { Host = $"always-{i}", Mode = ProbeMode.Always }));
        });
        silo.Services.Configure<FleetOptions>(o =>
        {
            o.MaxHosts = 200;
            o.MaxTransientHosts = 3;
            o.TransientExpiry = TimeSpan.FromHours(1);
        });
    }
}
