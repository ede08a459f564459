using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Gateway;
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
        services.AddSingleton<GatewaySettingErrors>();
        services.AddSingleton<IConfigureOptions<GatewayOptions>, GatewayOptionsSetup>();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddOptions<GatewayOptions>().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<MonitorOptions>, IOptions<GatewayOptions>>((kestrel, monitor, gateway) =>
        {
            Listen(kestrel, monitor.Value, monitor.Value.HttpPort);
            foreach (var listener in gateway.Value.Listeners)
            {
                Listen(kestrel, monitor.Value, listener.Port);
            }
        });
        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, MonitorOptions monitor, int port)
    {
        switch (monitor.ListenAddress)
        {
            case "*":
                kestrel.ListenAnyIP(port);
                break;
            case "localhost":
                kestrel.ListenLocalhost(port);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(monitor.ListenAddress), port);
                break;
        }
    }
}
