using Microsoft.Extensions.Options;
using OllamaOrleans.Api;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Api.Security;
using OllamaOrleans.Api.Telemetry;
using OllamaOrleans.Silo.Gateway;
using OllamaOrleans.Silo.Health;
using OllamaOrleans.Silo.Metrics;
using OllamaOrleans.Silo.Probe;
using OllamaOrleans.Silo.Web;
using Orleans.Dashboard;

namespace OllamaOrleans.Silo.Hosting;

public static class MonitorEndpointExtensions
{
    public static WebApplicationBuilder AddMonitorHttp(this WebApplicationBuilder builder)
    {
        SelfSeries.Apply();
        builder.Services.AddMonitorHealth();
        builder.Services.AddGateway();
        builder.Services.AddSingleton<FleetReader>();
        if (SiloMode.From(builder.Configuration).IsCluster)
        {
            builder.Services.AddSingleton<GrainHostDirectory>();
            builder.Services.AddSingleton<IHostDirectory>(sp => sp.GetRequiredService<GrainHostDirectory>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<GrainHostDirectory>());
        }
        else
        {
            builder.Services.AddSingleton<IHostDirectory, RegistryHostDirectory>();
        }

        return builder;
    }

    /// <summary>Everything on the silo's one HTTP port.</summary>
    public static WebApplication MapMonitorEndpoints(this WebApplication app)
    {
        app.ValidateSettings();
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        app.UseGatewayListeners();
        app.UseApiSecurity();
        app.MapFleetPage();
        app.MapMonitorHealth();
        app.MapFleetMetrics().RequireAccess(auth.Metrics);
        app.MapOnFirstRequest("/dashboard", dashboard => dashboard.MapOrleansDashboard("/dashboard")).RequireAccess(auth.Dashboard);
        DashboardAccess.WarnIfLocked(auth, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OllamaOrleans.Silo.Dashboard"));
        app.MapOllamaApi();
        app.MapProbeApi();
        app.MapGateway();
        return app;
    }
}
