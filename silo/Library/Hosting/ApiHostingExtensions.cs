using Microsoft.Extensions.Options;
using OllamaOrleans.Api;
using OllamaOrleans.Api.Security;
using OllamaOrleans.Grains.Fleet;
using OllamaOrleans.Silo.Configuration;
using OllamaOrleans.Silo.Metrics;
using OllamaOrleans.Silo.Probe;

namespace OllamaOrleans.Silo.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>
    /// The management API on the silo's port (its settings are bound with the monitor's), the registry's
    /// limits for the fleet grain, and the silo's metrics writers for <c>/probe</c>.
    /// </summary>
    public static WebApplicationBuilder AddMonitorApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
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
