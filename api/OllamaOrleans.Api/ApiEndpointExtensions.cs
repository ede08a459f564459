using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OllamaOrleans.Api.Analytics;
using OllamaOrleans.Api.Fleet;
using OllamaOrleans.Api.Hosts;
using OllamaOrleans.Api.Models;
using OllamaOrleans.Api.Security;

namespace OllamaOrleans.Api;

public static class ApiEndpointExtensions
{
    /// <summary>
    /// The monitor's HTTP API: <c>/api/v1</c> (reads open until keys are configured, then a key;
    /// changes an admin key; rate-limited per key) and <c>/openapi/v1.json</c>. Co-hosted on the
    /// silo's port, and served by the api process; any host that calls
    /// <see cref="ApiServiceCollectionExtensions.AddOllamaApi"/> and <c>UseApiSecurity</c> can map it.
    /// <c>/probe</c> (<c>silo/Library/Probe</c>, <c>MapProbeApi</c>) is the silos' alone: it writes their exposition.
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
        return endpoints;
    }
}
