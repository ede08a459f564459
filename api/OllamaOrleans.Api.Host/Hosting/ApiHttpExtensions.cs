using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Api.Security;
using OllamaOrleans.Api.Telemetry;
using Prometheus;

namespace OllamaOrleans.Api.Host.Hosting;

public static class ApiHttpExtensions
{
    public const int DefaultPort = 8080;

    /// <summary>
    /// The management API and the gateway over the cluster's grains, their settings read and checked
    /// as in the silo; the HTTP port from <c>API_PORT</c> (default 8080) and each gateway listener's
    /// port, on every address.
    /// </summary>
    public static WebApplicationBuilder AddApiHttp(this WebApplicationBuilder builder)
    {
        // The same own series as the silo's: process series and a few Orleans (client) instruments.
        SelfSeries.Apply();
        var facts = ApiProcessFacts(builder.Configuration);
        var services = builder.Services;
        services.AddApiSettings(_ => facts);
        services.AddGateway();
        services.AddSingleton<GrainHostDirectory>();
        services.AddSingleton<IHostDirectory>(sp => sp.GetRequiredService<GrainHostDirectory>());
        services.AddHostedService(sp => sp.GetRequiredService<GrainHostDirectory>());
        services.AddOllamaApi();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
        {
            foreach (var port in facts.ReservedPorts.Concat(gateway.ValueOrNull()?.Listeners.Select(l => l.Port) ?? []))
            {
                kestrel.ListenAnyIP(port);
            }
        });
        return builder;
    }

    /// <summary>Health, the gateway's own metrics, the HTTP API (without <c>/probe</c>, which the silos serve) and the gateway.</summary>
    public static WebApplication MapApiProcessEndpoints(this WebApplication app)
    {
        app.ValidateSettings();
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        app.UseGatewayListeners();
        app.UseApiSecurity();
        app.MapGet("/healthz", () => Results.Text("ok"));
        // Ready while the cluster answers: a load balancer then sends requests to an api process that can serve them.
        app.MapGet("/ready", (GrainHostDirectory directory) =>
            directory.Unready() is { } why ? Results.Text("not ready: " + why, statusCode: StatusCodes.Status503ServiceUnavailable) : Results.Text("ready"));
        app.MapMetrics().RequireAccess(auth.Metrics);
        app.MapOllamaApi();
        app.MapGateway();
        return app;
    }

    /// <summary>
    /// The api process's facts: it is a client of a cluster, listens on <c>API_PORT</c>, names no
    /// hosts of its own, and reads <c>Monitor:TransientHosts:Enabled</c> as the silos do.
    /// </summary>
    internal static ApiHostFacts ApiProcessFacts(IConfiguration configuration)
    {
        var errors = new SettingErrors<ApiHostFacts>();
        var port = SettingBinder.Integer(configuration, "API_PORT", 1, 65535, errors) ?? DefaultPort;
        var transient = SettingBinder.Boolean(configuration, "Monitor:TransientHosts:Enabled", errors) ?? true;
        errors.ThrowIfAny();
        return new ApiHostFacts(IsCluster: true, transient, [port], []);
    }
}
