using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Api.Gateway;
using Prometheus;

namespace OllamaOrleans.Api.Hosting;

public static class ApiHttpExtensions
{
    /// <summary>
    /// The gateway with the cluster's host directory (snapshots fetched from the host grains), its
    /// settings from the <c>Gateway</c> section; the HTTP port from <c>API_PORT</c> (default 8080).
    /// </summary>
    public static WebApplicationBuilder AddApiHttp(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection("Gateway"));
        builder.Services.AddGateway();
        builder.Services.AddSingleton<GrainHostDirectory>();
        builder.Services.AddSingleton<IHostDirectory>(sp => sp.GetRequiredService<GrainHostDirectory>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GrainHostDirectory>());
        if (builder.Configuration["API_PORT"] is { Length: > 0 } port)
        {
            builder.WebHost.UseUrls($"http://*:{port}");
        }

        return builder;
    }

    /// <summary>Health, the gateway's own metrics, the HTTP API and the gateway.</summary>
    public static WebApplication MapApiProcessEndpoints(this WebApplication app)
    {
        app.UseGatewayListeners();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/ready", () => Results.Text("ready"));
        app.MapMetrics();
        app.MapOllamaApi();
        app.MapGateway();
        return app;
    }
}
