using Orleans.Dashboard;

using OllamaOrleans.Grains;
using OllamaOrleans.Silo.Storage;

namespace OllamaOrleans.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// The Orleans silo: the embedded default (localhost clustering, memory storage and reminders)
    /// unless <c>REDIS_CONNECTION</c> is set; the dashboard; the grains' services; the registry seeder.
    /// </summary>
    public static WebApplicationBuilder AddMonitorSilo(this WebApplicationBuilder builder)
    {
        var mode = SiloMode.From(builder.Configuration);
        var orleans = OrleansSettings.From(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            if (mode.IsCluster)
            {
                silo.UseRedisCluster(mode.RedisConnection!, orleans);
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
        });
        builder.Services.AddOllamaMonitorGrains();
        builder.Services.AddHostedService<FleetSeeder>();
        return builder;
    }
}
