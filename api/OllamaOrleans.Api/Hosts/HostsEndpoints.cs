using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Security;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Api.Hosts;

/// <summary>
/// <c>/api/v1/hosts</c>: list, read, create, replace (URL and labels) and delete hosts. Changes need an
/// admin key; they reach the fleet grain, which starts or decommissions the host grain at once, so
/// the host's series appear or disappear within a poll interval.
/// </summary>
public static class HostsEndpoints
{
    public static IEndpointRouteBuilder MapHostsApi(this IEndpointRouteBuilder api)
    {
        var hosts = api.MapGroup("/hosts").WithTags("Hosts");
        hosts.MapGet("/", ListAsync).WithName("ListHosts").Produces<HostView[]>();
        hosts.MapGet("/{name}", GetAsync).WithName("GetHost").Produces<HostView>().ProducesProblem(StatusCodes.Status404NotFound);
        hosts.MapPost("/", CreateAsync).WithName("CreateHost").RequireAuthorization(ApiPolicies.Admin)
            .WithHostRequestBody().Produces<HostView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);
        hosts.MapPut("/{name}", UpdateAsync).WithName("UpdateHost").RequireAuthorization(ApiPolicies.Admin)
            .WithHostRequestBody().Produces<HostView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hosts.MapDelete("/{name}", DeleteAsync).WithName("DeleteHost").RequireAuthorization(ApiPolicies.Admin)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok((await Fleet(grains).GetHostsAsync()).Select(h => HostView.From(h)).ToArray());

    private static async Task<IResult> GetAsync(string name, IGrainFactory grains)
    {
        var registration = (await Fleet(grains).GetHostsAsync()).FirstOrDefault(h => h.Name == name);
        if (registration is null)
        {
            return RegistryProblems.For(new RegistryResult(RegistryOutcome.NotFound, null), name);
        }

        var snapshot = await grains.GetGrain<IOllamaHostGrain>(name).GetSnapshotAsync();
        return TypedResults.Ok(HostView.From(registration, snapshot));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains, TargetGuard guard, IOptions<ApiOptions> options)
    {
        var (registration, problem) = await ReadAsync(context, null, guard, options.Value);
        if (registration is null)
        {
            return problem!;
        }

        var result = await Fleet(grains).CreateAsync(registration);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/hosts/{Uri.EscapeDataString(result.Host!.Name)}", HostView.From(result.Host))
            : RegistryProblems.For(result, registration.Name);
    }

    private static async Task<IResult> UpdateAsync(string name, HttpContext context, IGrainFactory grains, TargetGuard guard, IOptions<ApiOptions> options)
    {
        var (registration, problem) = await ReadAsync(context, name, guard, options.Value);
        if (registration is null)
        {
            return problem!;
        }

        var result = await Fleet(grains).UpdateAsync(registration);
        return result.Succeeded ? TypedResults.Ok(HostView.From(result.Host!)) : RegistryProblems.For(result, name);
    }

    private static async Task<IResult> DeleteAsync(string name, IGrainFactory grains)
    {
        var result = await Fleet(grains).DeleteAsync(name);
        return result.Succeeded ? TypedResults.NoContent() : RegistryProblems.For(result, name);
    }

    private static async Task<(HostRegistration? Registration, IResult? Problem)> ReadAsync(HttpContext context, string? pathName, TargetGuard guard, ApiOptions options)
    {
        var (body, problem) = await HostBodyReader.ReadAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return (null, problem);
        }

        var (registration, errors) = await HostValidation.ValidateAsync(pathName, body, guard, context.RequestAborted);
        return registration is null ? (null, ApiProblems.Invalid(errors)) : (registration, null);
    }

    private static IFleetGrain Fleet(IGrainFactory grains) => grains.GetGrain<IFleetGrain>(IFleetGrain.Key);
}
