using Microsoft.Extensions.Options;
using OllamaOrleans.Api;
using OllamaOrleans.Api.Probe;
using OllamaOrleans.Api.Security;
using OllamaOrleans.GrainInterfaces;
using OllamaOrleans.Grains.Fleet;
using OllamaOrleans.Silo.Configuration;
using OllamaOrleans.Silo.Metrics;

namespace OllamaOrleans.Silo.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>
    /// The management API on the silo's port: its settings (<c>Auth</c>, <c>Api</c>, <c>Security</c>,
    /// validated at start), the registry's limits for the fleet grain, the address guard's policy
    /// (registered before the grains' and the gateway's defaults, so theirs is the configured one), and
    /// the silo's metrics writers for <c>/probe</c>.
    /// </summary>
    public static WebApplicationBuilder AddMonitorApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AuthSettingErrors>();
        services.AddSingleton<IConfigureOptions<AuthOptions>, AuthOptionsSetup>();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<AuthOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<ApiOptions>, ApiOptionsSetup>();
        services.AddOptions<ApiOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<SecurityOptions>, SecurityOptionsSetup>();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddOptions<SecurityOptions>().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var security = sp.GetRequiredService<IOptions<SecurityOptions>>().Value;
            return new TargetPolicy(security.AllowedNetworks, security.AllowedHosts);
        });
        services.AddOptions<FleetOptions>().Configure<IOptions<MonitorOptions>>((fleet, monitor) =>
        {
            fleet.MaxHosts = monitor.Value.MaxHosts;
            fleet.MaxTransientHosts = monitor.Value.MaxTransientHosts;
            fleet.TransientExpiry = monitor.Value.TransientHostExpiry;
        });
        services.AddSingleton<IHostExposition, ProbeExposition>();
        services.AddOllamaApi();
        return builder;
    }
}
