using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Api.Analytics;

public static class AnalyticsEndpoints
{
    /// <summary>
    /// <c>GET /api/v1/analytics/models?window=1h[&amp;host=H][&amp;source=traffic|probe][&amp;limit=10]</c> (mapped on the <c>/api/v1</c> group): model
    /// usage over a rolling window, for one host or the whole fleet.
    /// </summary>
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/analytics/models", GetModelsAsync).WithName("GetModelAnalytics").WithTags("Analytics");
        return endpoints;
    }

    private static async Task<IResult> GetModelsAsync(IGrainFactory grains, string? window, string? host, string? source, int? limit)
    {
        if (!StatisticsWindows.TryParse(window ?? "1h", out var parsed))
        {
            return Problem("window", $"'{window}' is not a window; use one of 1m, 5m, 1h, 24h.");
        }

        if (source is not null && !InferenceSources.IsKnown(source))
        {
            return Problem("source", InferenceSources.Unknown(source));
        }

        if (limit is < 1 or > 1000)
        {
            return Problem("limit", $"'{limit}' must be from 1 to 1000.");
        }

        var registered = await grains.GetGrain<IFleetGrain>(IFleetGrain.Key).GetHostsAsync();
        var names = registered.Select(h => h.Name).ToList();
        if (host is not null)
        {
            if (!names.Contains(host, StringComparer.Ordinal))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown host", detail: $"No host named '{host}' is registered.", extensions: new Dictionary<string, object?> { ["field"] = "host" });
            }

            names = [host];
        }

        var statistics = await Task.WhenAll(names.Select(n => grains.GetGrain<IOllamaHostGrain>(n).GetStatisticsAsync(parsed, source)));
        return Results.Ok(AnalyticsReport.Build(parsed, source, host, statistics, limit ?? 10));
    }

    private static IResult Problem(string field, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid {field}", detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });
}
