using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OllamaOrleans.GrainInterfaces;
using OllamaOrleans.Grains.Fleet;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Grains.Registry;

namespace OllamaOrleans.Grains;

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
        services.TryAddSingleton(TimeProvider.System);
        services.AddNodeLocalPlacement();
        services.AddHttpClient<OllamaApiClient>(http =>
            {
                // Each call carries its own timeout; the client-wide one must not cut it short.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("OllamaOrleans/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<TargetGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                AutomaticDecompression = DecompressionMethods.None,
                MaxConnectionsPerServer = 4,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient<ProbeRunner>(http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("OllamaOrleans-probe/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<TargetGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                AutomaticDecompression = DecompressionMethods.None,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }
}
