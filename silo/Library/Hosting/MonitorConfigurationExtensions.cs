using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Silo.Configuration;

namespace OllamaOrleans.Silo.Hosting;

public static class MonitorConfigurationExtensions
{
    /// <summary>
    /// Binds and validates the monitor's settings (a bad one stops start-up, naming it), derives the
    /// grains' polling options from them and binds the HTTP port. The API's and the gateway's settings
    /// are read and checked as in the api process (<see cref="ApiSettingsExtensions.AddApiSettings"/>).
    /// </summary>
    public static WebApplicationBuilder AddMonitorConfiguration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMonitorSettings();
        services.AddOptions<PollingOptions>().Configure<IOptions<MonitorOptions>>((polling, monitor) =>
        {
            polling.Interval = monitor.Value.PollInterval;
            polling.Timeout = monitor.Value.PollTimeout;
            polling.MaxModelsPerHost = monitor.Value.MaxModelsPerHost;
        });
        services.AddSingleton(SiloMode.From(builder.Configuration));
        services.AddSingleton<ConfiguredHosts>();
        services.AddSingleton<MonitorReadiness>();
        services.AddApiSettings(SiloApiFacts.From);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<MonitorOptions>, IOptions<GatewayOptions>>((kestrel, monitor, gateway) =>
        {
            if (monitor.ValueOrNull() is not { } settings)
            {
                return;
            }

            Listen(kestrel, settings, settings.HttpPort);
            foreach (var listener in gateway.ValueOrNull()?.Listeners ?? [])
            {
                Listen(kestrel, settings, listener.Port);
            }
        });
        return builder;
    }

    /// <summary>The <c>Monitor</c> section with the original exporter's variables, and <c>Monitor:Probes</c>: bound, and checked at start.</summary>
    public static IServiceCollection AddMonitorSettings(this IServiceCollection services)
    {
        services.AddSetting<MonitorOptions>(MonitorOptions.Section);
        services.AddSingleton<IConfigureOptions<MonitorOptions>, MonitorOptionsSetup>();
        services.AddSingleton<IValidateOptions<MonitorOptions>, ValidateMonitorOptions>();
        services.AddSingleton<IValidateOptions<MonitorOptions>, MonitorOptionsValidator>();
        services.AddSetting<ProbeOptions>(ProbeOptions.Section);
        services.AddSingleton<IValidateOptions<ProbeOptions>, ValidateProbeOptions>();
        return services.AddSingleton<IValidateOptions<ProbeOptions>, ProbeOptionsValidator>();
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
