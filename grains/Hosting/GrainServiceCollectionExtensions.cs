using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OllamaOrleans.Grains.Fleet;
using OllamaOrleans.Grains.Hosts;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Grains.Storage;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Grains.Hosting;

public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// What the grains need from the silo's container: the Ollama client, the snapshot registry, time,
    /// and the host grains' node-local placement. Every connection to an Ollama host goes through the
    /// <see cref="TargetGuard"/> (the default <see cref="TargetPolicy"/> unless the host registered one).
    /// </summary>
    public static IServiceCollection AddOllamaMonitorGrains(this IServiceCollection services)
    {
        services.AddOptions<PollingOptions>();
        services.AddOptions<ProbeOptions>();
        services.AddOptions<FleetOptions>();
        services.AddTargetGuard();
        services.AddSingleton<IHostSnapshotRegistry, HostSnapshotRegistry>();
        services.AddSingleton<IRegisteredHosts, RegisteredHosts>();
        services.AddSingleton<ReportedTraffic>();
        services.AddSingleton<StorageHealth>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddNodeLocalPlacement();
        AddOllamaClient<OllamaApiClient>(services, "OllamaOrleans/1.0", maxConnectionsPerServer: 4);
        AddOllamaClient<ProbeRunner>(services, "OllamaOrleans-probe/1.0", maxConnectionsPerServer: int.MaxValue);
        return services;
    }

    /// <summary>
    /// A typed client of Ollama hosts: no client-wide timeout (each call carries its own), pooled
    /// connections recycled every five minutes so DNS changes are seen, and none of the factory's
    /// per-request logging handlers (a log scope and two log calls around every poll's requests; the
    /// client's own <see cref="ApiCall{T}"/> outcomes say what happened).
    /// </summary>
    private static void AddOllamaClient<TClient>(IServiceCollection services, string userAgent, int maxConnectionsPerServer)
        where TClient : class =>
        services.AddHttpClient<TClient>(http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<TargetGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                AutomaticDecompression = DecompressionMethods.None,
                MaxConnectionsPerServer = maxConnectionsPerServer,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
}
