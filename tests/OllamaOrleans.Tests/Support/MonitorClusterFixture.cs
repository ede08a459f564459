using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Grains.Registry;
using Orleans.TestingHost;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// One in-process silo with the monitor's grains, shared by the grain tests. Timers are set far apart
/// so that tests drive polls explicitly (<c>PollNowAsync</c>) and assert exact counts.
/// </summary>
public sealed class MonitorClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public IHostSnapshotRegistry Registry => Cluster.Silos[0].ServiceProvider.GetRequiredService<IHostSnapshotRegistry>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseQuietMonitorGrains();
            silo.Services.Configure<PollingOptions>(o => o.MaxModelsPerHost = 5);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class MonitorClusterCollection : ICollectionFixture<MonitorClusterFixture>
{
    public const string Name = "monitor cluster";
}
