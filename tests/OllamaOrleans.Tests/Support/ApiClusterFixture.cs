using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Fleet;
using OllamaOrleans.Protocol.Security;
using Orleans.TestingHost;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// One in-process silo behind the management API tests, with the real fleet grain (key "fleet", as
/// the API uses it) and a DNS stand-in for the address guard. Timers are an hour apart, so only
/// <c>/probe</c>'s first poll reaches an Ollama host. Tests start API servers over it with the
/// settings they need (<see cref="StartApiAsync"/>).
/// </summary>
public sealed class ApiClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public IFleetGrain Fleet => Grains.GetGrain<IFleetGrain>(IFleetGrain.Key);

    /// <summary>The silo's registry limits; a test that changes them puts them back.</summary>
    public FleetOptions Limits => Cluster.Silos[0].ServiceProvider.GetRequiredService<IOptions<FleetOptions>>().Value;

    public Task<TestApi> StartApiAsync(params ApiKeySpec[] keys) => TestApi.StartAsync(Grains, keys, _ => { });

    public Task<TestApi> StartApiAsync(Action<IServiceCollection> configure, params ApiKeySpec[] keys) => TestApi.StartAsync(Grains, keys, configure);

    public async Task<IReadOnlyList<HostRegistration>> HostsAsync() => await Fleet.GetHostsAsync();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<ITargetResolver>(TableResolver.Standard);
            silo.UseQuietMonitorGrains();
            silo.Services.Configure<FleetOptions>(o =>
            {
                o.MaxHosts = 200;
                o.MaxTransientHosts = 3;
                o.TransientExpiry = TimeSpan.FromHours(1);
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiClusterCollection : ICollectionFixture<ApiClusterFixture>
{
    public const string Name = "api cluster";
}
