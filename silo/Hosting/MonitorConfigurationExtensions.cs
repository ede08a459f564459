using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Silo.Configuration;

namespace OllamaOrleans.Silo.Hosting;

public static class MonitorConfigurationExtensions
{
    /// <summary>
    /// Binds and validates the monitor's settings (a bad one stops start-up, naming it), derives the
    /// grains' polling options from them and binds the HTTP port.
    /// </summary>
    public static WebApplicationBuilder AddMonitorConfiguration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IConfigureOptions<MonitorOptions>, MonitorOptionsSetup>();
        services.AddSingleton<IValidateOptions<MonitorOptions>, MonitorOptionsValidator>();
        services.AddOptions<MonitorOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<ProbeOptions>, ProbeOptionsSetup>();
        services.AddSingleton<IValidateOptions<ProbeOptions>, ProbeOptionsValidator>();
        services.AddOptions<ProbeOptions>().ValidateOnStart();
        services.AddOptions<PollingOptions>().Configure<IOptions<MonitorOptions>>((polling, monitor) =>
        {
            polling.Interval = monitor.Value.PollInterval;
            polling.Timeout = monitor.Value.PollTimeout;
            polling.MaxModelsPerHost = monitor.Value.MaxModelsPerHost;
        });
        services.AddSingleton(SiloMode.From(builder.Configuration));
        services.AddSingleton<ConfiguredHosts>();
        services.AddSingleton<MonitorReadiness>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<MonitorOptions>>((kestrel, monitor) => Listen(kestrel, monitor.Value));
        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, MonitorOptions monitor)
    {
        switch (monitor.ListenAddress)
        {
            case "*":
                kestrel.ListenAnyIP(monitor.HttpPort);
                break;
            case "localhost":
                kestrel.ListenLocalhost(monitor.HttpPort);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(monitor.ListenAddress), monitor.HttpPort);
                break;
        }
    }
}
