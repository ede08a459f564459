using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Api.Fleet;

public static class FleetEndpoints
{
    /// <summary><c>GET /api/v1/fleet</c>: the summary of every registered host's last poll.</summary>
    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/fleet", GetAsync).WithName("GetFleetSummary").WithTags("Fleet").Produces<FleetSummaryView>();
        return api;
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IFleetGrain>(IFleetGrain.Key).GetHostsAsync();
        var snapshots = await Task.WhenAll(hosts.Select(h => grains.GetGrain<IOllamaHostGrain>(h.Name).GetSnapshotAsync()));
        var perHost = hosts.Zip(snapshots, (h, s) => new HostSummaryView(
            h.Name,
            h.Source.Name(),
            s?.Up,
            s?.ModelsLoaded ?? 0,
            s?.Models.Sum(m => m.Loaded?.VramBytes ?? 0) ?? 0,
            s is null ? [] : [.. s.Models.Where(m => m.Loaded is not null).Select(m => m.Name)])).ToList();
        return TypedResults.Ok(new FleetSummaryView(
            perHost.Count,
            perHost.Count(h => h.Up == true),
            perHost.Count(h => h.Up == false),
            perHost.Count(h => h.Up is null),
            perHost.Sum(h => h.ModelsLoaded),
            perHost.Sum(h => h.VramBytes),
            perHost));
    }
}
