using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Grains.Hosts;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Silo.Hosting;

public static class ResourceHostingExtensions
{
    /// <summary>
    /// Process and GPU figures of the hosts whose Ollama runs on this silo's node: the validated
    /// <c>Resources</c> settings, the GPU sources, the sampler and the loop that drives it. Requests in
    /// flight come from <see cref="IInferenceActivity"/>: this silo's metering gateway and what every
    /// gateway of the cluster reports to the host grains here.
    /// </summary>
    public static WebApplicationBuilder AddMonitorResources(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddResourceSettings();
        services.TryAddSingleton<IInferenceActivity>(sp => new GatewayInferenceActivity(
            sp.GetService<InFlightTracker>(), sp.GetRequiredService<ReportedTraffic>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ResourceRegistry>();
        services.AddSingleton(sp => new GpuCollector(GpuSources(sp.GetRequiredService<IOptions<ResourceOptions>>().Value), sp.GetRequiredService<ILogger<GpuCollector>>()));
        services.AddSingleton<ResourceSampler>();
        services.AddHostedService<ResourceCollectionService>();
        return builder;
    }

    /// <summary>The <c>Resources</c> section: bound, and checked at start.</summary>
    public static IServiceCollection AddResourceSettings(this IServiceCollection services)
    {
        services.AddSetting<ResourceOptions>(ResourceOptions.Section);
        services.AddSingleton<IConfigureOptions<ResourceOptions>, ResourceOptionsSetup>();
        return services.AddSingleton<IValidateOptions<ResourceOptions>, ResourceOptionsValidator>();
    }

    /// <summary>NVIDIA first, so GPU indexes are the ones nvidia-smi shows.</summary>
    public static IReadOnlyList<IGpuSource> GpuSources(ResourceOptions options) => options.Gpu == "off"
        ? []
        : [NvmlGpuSource.FromLibrary(options.NvmlLibrary), new AmdSysfsGpuSource(options.SysRoot)];
}
