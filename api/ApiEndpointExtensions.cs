using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OllamaOrleans.Api.Analytics;
using OllamaOrleans.Api.Fleet;
using OllamaOrleans.Api.Hosts;
using OllamaOrleans.Api.Models;
using OllamaOrleans.Api.Probe;
using OllamaOrleans.Api.Security;

namespace OllamaOrleans.Api;

public static class ApiEndpointExtensions
{
    /// <summary>
    /// The monitor's HTTP API: <c>/api/v1</c> (reads open until keys are configured, then a key;
    /// changes an admin key; rate-limited per key), <c>/openapi/v1.json</c> and <c>/probe</c>.
    /// Co-hosted on the silo's port in the embedded default; any host that calls
    /// <see cref="ApiServiceCollectionExtensions.AddOllamaApi"/> and <c>UseApiSecurity</c> can map it.
    /// </summary>
    public static IEndpointRouteBuilder MapOllamaApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(ApiPolicies.Read)
            .RequireRateLimiting(ApiRateLimits.Policy);
        api.MapHostsApi();
        api.MapFleetApi();
        api.MapModelsApi();
        api.MapAnalyticsApi();
        endpoints.MapOpenApi().RequireAuthorization(ApiPolicies.Read);
        endpoints.MapProbeApi();
        return endpoints;
    }
}
