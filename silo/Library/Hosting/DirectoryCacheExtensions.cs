using Orleans.Configuration;

namespace OllamaOrleans.Silo.Hosting;

/// <summary>
/// Sizes Orleans' grain directory cache for this application. Orleans' default (1,000,000 entries) preallocates
/// the cache's table up front: two caches of about 9 MiB each in a silo watching one host (docs/benchmarks.md,
/// issue 16). A cluster holds six grains a host (the host and up to five models cached per silo are far fewer),
/// so 100,000 entries cover a 10,000-host fleet; <c>Orleans:GrainDirectory:CacheSize</c> overrides it.
/// </summary>
public static class DirectoryCacheExtensions
{
    public const int CacheSize = 100_000;

    public static IServiceCollection AddCompactDirectoryCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GrainDirectoryOptions>(o => o.CacheSize = CacheSize);
        services.Configure<GrainDirectoryOptions>(configuration.GetSection("Orleans:GrainDirectory"));
        return services;
    }
}
