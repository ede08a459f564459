using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OllamaOrleans.Api.Hosting;
using Orleans.Configuration;

namespace OllamaOrleans.Api.Host.Hosting;

public static class ApiClientExtensions
{
    /// <summary>
    /// The Orleans client: the silos' gateways from Redis membership when <c>REDIS_CONNECTION</c> (or
    /// <c>Orleans:RedisConnection</c>) is set, else the local silo's gateway (<c>Orleans:GatewayPort</c>,
    /// 30000); a password as <see cref="RedisConnection"/> finds it. Same cluster and service ids as the silos (<c>Orleans:ClusterId</c>, <c>Orleans:ServiceId</c>).
    /// </summary>
    public static WebApplicationBuilder AddApiClusterClient(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var redis = FirstSet(configuration["REDIS_CONNECTION"], configuration["Orleans:RedisConnection"]);
        var clusterId = configuration["Orleans:ClusterId"] ?? "ollama-orleans";
        var serviceId = configuration["Orleans:ServiceId"] ?? "ollama-orleans";
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            if (redis is not null)
            {
                var options = RedisConnection.Options(redis, configuration);
                client.UseRedisClustering(o => o.ConfigurationOptions = options);
            }
            else
            {
                var port = int.TryParse(configuration["Orleans:GatewayPort"], out var p) ? p : 30000;
                client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, port));
            }
        });
        return builder;
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
