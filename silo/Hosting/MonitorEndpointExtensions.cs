using Orleans.Dashboard;

using OllamaOrleans.Api;
using OllamaOrleans.Silo.Health;
using OllamaOrleans.Silo.Metrics;
using OllamaOrleans.Silo.Web;

namespace OllamaOrleans.Silo.Hosting;

public static class MonitorEndpointExtensions
{
    public static WebApplicationBuilder AddMonitorHttp(this WebApplicationBuilder builder)
    {
        SelfMetricsSetup.Apply();
        builder.Services.AddMonitorHealth();
        return builder;
    }

    /// <summary>Everything on the silo's one HTTP port.</summary>
    public static WebApplication MapMonitorEndpoints(this WebApplication app)
    {
        app.MapLandingPage();
        app.MapMonitorHealth();
        app.MapFleetMetrics();
        app.MapOrleansDashboard("/dashboard");
        app.MapOllamaApi();
        return app;
    }
}
