using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Security;
using OllamaOrleans.Silo.Configuration;

namespace OllamaOrleans.Silo.Web;

/// <summary>
/// <c>GET /[?page=N]</c>: the fleet page, server-rendered. Answers as the API's reads do
/// (<see cref="ApiPolicies.Read"/>: open while no key is configured, else a key of either role,
/// which browsers send as the Basic password; rate-limited per key).
/// </summary>
public static class FleetPageEndpoint
{
    public static IEndpointConventionBuilder MapFleetPage(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/", async (HttpContext context, FleetReader reader, IOptions<MonitorOptions> monitor, TimeProvider time, string? page) =>
        {
            var reading = await reader.ReadAsync();
            var settings = new FleetPageSettings(
                FleetPageBuilder.PageFrom(page),
                FleetPageSettings.DefaultPageSize,
                FleetPageSettings.RefreshFor(monitor.Value.PollInterval),
                monitor.Value.GrafanaUrl,
                time.GetUtcNow());
            context.Response.Headers.CacheControl = "no-store";
            return Results.Content(FleetPageRenderer.Render(FleetPageBuilder.Build(reading, settings)), "text/html; charset=utf-8");
        })
        .RequireAuthorization(ApiPolicies.Read)
        .RequireRateLimiting(ApiRateLimits.Policy)
        .ExcludeFromDescription();
}
