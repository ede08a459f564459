using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OllamaOrleans.Protocol.Security;

public static class TargetGuardServiceCollectionExtensions
{
    /// <summary>The guard with the default policy and DNS, unless the host registered its own (configured) ones first.</summary>
    public static IServiceCollection AddTargetGuard(this IServiceCollection services)
    {
        services.TryAddSingleton(TargetPolicy.Default);
        services.TryAddSingleton<ITargetResolver, DnsTargetResolver>();
        services.TryAddSingleton<TargetGuard>();
        return services;
    }
}
