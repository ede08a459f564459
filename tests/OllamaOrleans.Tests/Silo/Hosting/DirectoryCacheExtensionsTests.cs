using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaOrleans.Silo.Hosting;
using Orleans.Configuration;

namespace OllamaOrleans.Tests.Silo.Hosting;

public sealed class DirectoryCacheExtensionsTests
{
    [Fact]
    public void CacheSize_Is100000_InsteadOfOrleansMillion()
    {
        Assert.Equal(1_000_000, new GrainDirectoryOptions().CacheSize);
        Assert.Equal(100_000, Options(new Dictionary<string, string?>()).CacheSize);
    }

    [Fact]
    public void Setting_OverridesTheSize()
    {
        var options = Options(new Dictionary<string, string?> { ["Orleans:GrainDirectory:CacheSize"] = "250000" });

        Assert.Equal(250_000, options.CacheSize);
    }

    private static GrainDirectoryOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddCompactDirectoryCache(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;
    }
}
