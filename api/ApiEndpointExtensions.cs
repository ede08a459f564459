using Microsoft.AspNetCore.Routing;
using OllamaOrleans.Api.Analytics;

namespace OllamaOrleans.Api;

public static class ApiEndpointExtensions
{
    /// <summary>The monitor's HTTP API; co-hosted on the silo's port in the embedded default.</summary>
    public static IEndpointRouteBuilder MapOllamaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAnalyticsApi();
        return endpoints;
    }
}
