using System.Net;
using OllamaOrleans.Api.Hosting;
using OllamaOrleans.Grains.Hosting;
using Orleans.Configuration;

namespace OllamaOrleans.Silo.Hosting;

public static class RedisClusterExtensions
{
    /// <summary>
    /// Cluster mode: Redis membership, grain storage and reminders under one cluster and service id;
    /// in a Kubernetes pod, Orleans' Kubernetes hosting supplies the silo's name, address and ids.
    /// </summary>
    public static ISiloBuilder UseRedisCluster(this ISiloBuilder silo, string connection, IConfiguration configuration, OrleansSettings settings)
    {
        // Password and TLS as StackExchange.Redis takes them, or REDIS_PASSWORD(_FILE): RedisConnection.
        var redis = RedisConnection.Options(connection, configuration);
        if (KubernetesPod.IsDetected)
        {
            // Silo name, advertised address and cluster ids from the pod; pods of dead silos deleted.
            silo.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = settings.SiloPort;
                o.GatewayPort = settings.GatewayPort;
            });
            silo.UseKubernetesHosting();
        }
        else
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            ConfigureEndpoints(silo, settings);
        }

        silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
        silo.AddRedisGrainStorage(StorageNames.Monitor, o => o.ConfigurationOptions = redis.Clone());
        silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());
        return silo;
    }

    private static void ConfigureEndpoints(ISiloBuilder silo, OrleansSettings settings)
    {
        if (settings.AdvertisedAddress is { } advertisedAddress)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(advertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        }
    }
}
