using System.Net;
using OllamaOrleans.Grains;
using Orleans.Configuration;
using StackExchange.Redis;

namespace OllamaOrleans.Silo.Hosting;

public static class RedisClusterExtensions
{
    /// <summary>Cluster mode: Redis membership, grain storage and reminders under one cluster and service id.</summary>
    public static ISiloBuilder UseRedisCluster(this ISiloBuilder silo, string connection, OrleansSettings settings)
    {
        var redis = ConfigurationOptions.Parse(connection);
        redis.AbortOnConnectFail = false;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        if (settings.AdvertisedAddress is { } advertisedAddress)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(advertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        }

        silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
        silo.AddRedisGrainStorage(StorageNames.Monitor, o => o.ConfigurationOptions = redis.Clone());
        silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());
        return silo;
    }
}
