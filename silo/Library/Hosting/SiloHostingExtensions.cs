using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Grains.Hosting;
using Orleans.Dashboard;

using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Silo.Cluster;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Storage;

namespace OllamaOrleans.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// The Orleans silo: the embedded default (localhost clustering, memory storage and reminders)
    /// unless <c>REDIS_CONNECTION</c> is set; the dashboard; the grains' services; the registry seeder;
    /// this node's identity, published so that host grains are placed on the node their Ollama runs on.
    /// </summary>
    public static WebApplicationBuilder AddMonitorSilo(this WebApplicationBuilder builder)
    {
        var mode = SiloMode.From(builder.Configuration);
        var orleans = OrleansSettings.From(builder.Configuration);
        var node = NodeIdentityDetector.Detect([.. SettingBinder.Entries(builder.Configuration.GetSection($"{ResourceOptions.Section}:{nameof(ResourceOptions.NodeAddresses)}")).Select(e => e.Value)]);
        builder.UseOrleans(silo =>
        {
            if (mode.IsCluster)
            {
                silo.UseRedisCluster(mode.RedisConnection!, builder.Configuration, orleans);
            }
            else
            {
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                silo.AddEmbeddedStorage(builder.Configuration);
                silo.UseInMemoryReminderService();
            }

            // JSON without CLR type names: readable in Redis, and state survives renamed types.
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddDashboard(o => o.CounterUpdateIntervalMs = 5000);
            silo.UseNodeIdentity(node);
        });
        builder.Services.AddCompactDirectoryCache(builder.Configuration);
        builder.Services.AddOllamaMonitorGrains();
        builder.Services.AddHostedService<FleetSeeder>();
        if (mode.IsCluster)
        {
            builder.AddClusterFailover();
        }

        return builder;
    }
}
