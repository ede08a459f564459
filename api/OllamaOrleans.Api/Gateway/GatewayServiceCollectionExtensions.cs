using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Api.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>The metering gateway's services; the host needs an <see cref="IHostDirectory"/> of its own.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services)
    {
        services.AddHttpForwarder();
        services.AddTargetGuard();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayHttpClient>();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<InFlightTracker>();
        services.AddSingleton<ClientIdentity>();
        services.AddSingleton<TrafficQueue>();
        services.AddSingleton<GatewayProxy>();
        services.AddHostedService<TrafficFlusher>();
        services.AddHostedService<HostActivityReporter>();
        services.AddHostedService<GatewaySeriesSweeper>();
        return services;
    }
}
