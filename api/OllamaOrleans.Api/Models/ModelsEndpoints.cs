using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OllamaOrleans.Api.Analytics;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Ollama;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Api.Models;

/// <summary>
/// <c>GET /api/v1/hosts/{name}/models</c>, a host's models as its last poll saw them, and
/// <c>GET /api/v1/hosts/{name}/models/{model}</c>, one model's state and rolling statistics. Model
/// names hold '/' (<c>user/model:tag</c>), so the model is the rest of the path.
/// </summary>
public static class ModelsEndpoints
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder api)
    {
        var models = api.MapGroup("/hosts/{name}/models").WithTags("Models");
        models.MapGet("/", ListAsync).WithName("ListHostModels").Produces<ModelStateView[]>().ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{**model}", GetAsync).WithName("GetHostModel").Produces<ModelDetailView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(string name, IGrainFactory grains)
    {
        if (await SnapshotAsync(name, grains) is not { } snapshot)
        {
            return UnknownHost(name);
        }

        return TypedResults.Ok(snapshot.Models.Select(ModelStateView.From).ToArray());
    }

    private static async Task<IResult> GetAsync(string name, string model, string? source, IGrainFactory grains)
    {
        if (source is not null && !InferenceSources.IsKnown(source))
        {
            return ApiProblems.Field(StatusCodes.Status400BadRequest, "source", "Invalid source", InferenceSources.Unknown(source));
        }

        if (await SnapshotAsync(name, grains) is not { } snapshot)
        {
            return UnknownHost(name);
        }

        var canonical = ModelName.Canonical(model);
        var found = snapshot.Models.FirstOrDefault(m => ModelName.Canonical(m.Name) == canonical);
        if (found is null)
        {
            return ApiProblems.Field(StatusCodes.Status404NotFound, "model", "Unknown model", $"The host '{name}' has no tracked model '{model}'.");
        }

        var grain = grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, canonical));
        var windows = await Task.WhenAll(StatisticsWindows.All.Select(w => grain.GetWindowAsync(w, source)));
        var statistics = windows.ToDictionary(w => w.Window.Name(), StatsView.From, StringComparer.Ordinal);
        return TypedResults.Ok(new ModelDetailView(name, ModelStateView.From(found), source ?? "all", statistics));
    }

    private static async Task<HostSnapshot?> SnapshotAsync(string name, IGrainFactory grains)
    {
        var registered = await grains.GetGrain<IFleetGrain>(IFleetGrain.Key).GetHostsAsync();
        return registered.Any(h => h.Name == name) ? await grains.GetGrain<IOllamaHostGrain>(name).GetSnapshotAsync() : null;
    }

    private static IResult UnknownHost(string name) =>
        ApiProblems.Field(StatusCodes.Status404NotFound, "name", "Unknown host", $"No host named '{name}' is registered, or it has not been polled yet.");
}
