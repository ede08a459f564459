using Microsoft.Extensions.Options;
using OllamaOrleans.Api;
using OllamaOrleans.Api.Hosts;
using OllamaOrleans.Api.Security;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Protocol.Hosts;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Silo.Probe;

/// <summary>
/// <c>GET /probe?target=URL</c>, the multi-target pattern of the blackbox exporter: a Prometheus with
/// its own service discovery passes each Ollama host as a parameter and gets that host's series.
/// A registered host is served as it is; an unregistered one is registered as a transient host (a
/// key of either role needed, <c>Monitor:TransientHosts:*</c> caps and expires them) and polled at
/// once. Transient hosts are served only here, never on <c>/metrics</c>, so no series is scraped twice.
/// </summary>
public static class ProbeEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointConventionBuilder MapProbeApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/probe", ProbeAsync).WithName("Probe").WithTags("Probe")
            .RequireAuthorization(ApiPolicies.Read)
            .RequireRateLimiting(ProbeRateLimit.Policy)
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> ProbeAsync(
        HttpContext context, string? target, IGrainFactory grains, TargetGuard guard, ApiKeyStore keys, IOptions<ApiOptions> options, IHostExposition exposition)
    {
        var (url, error) = ProbeTarget.Parse(target);
        if (url is null)
        {
            return ApiProblems.Field(StatusCodes.Status400BadRequest, "target", "Invalid target", $"target {error}.");
        }

        if (await guard.CheckAsync(url, context.RequestAborted) is { } refused)
        {
            return ApiProblems.Field(StatusCodes.Status400BadRequest, "target", "Refused target", $"target is refused: {refused}.");
        }

        var hasKey = context.User.Identity?.IsAuthenticated == true;
        var mayRegister = options.Value.TransientHostsEnabled && hasKey;
        var result = await grains.GetGrain<IFleetGrain>(IFleetGrain.Key).ResolveTargetAsync(url.AbsoluteUri, HostRules.NameFromUrl(url), mayRegister);
        switch (result.Outcome)
        {
            case RegistryOutcome.NotRegistered when !options.Value.TransientHostsEnabled:
                return ApiProblems.Field(StatusCodes.Status404NotFound, "target", "Target not registered", $"No host with URL {url.AbsoluteUri} is registered, and /probe registers none (Monitor:TransientHosts:Enabled is false).");
            case RegistryOutcome.NotRegistered:
                await AuthProblems.UnauthorizedAsync(context, keys.IsEmpty, keyPresented: false, $"No host with URL {url.AbsoluteUri} is registered; registering it as a transient host needs an API key.");
                return TypedResults.Empty;
            case RegistryOutcome.NameTaken or RegistryOutcome.LimitReached:
                return RegistryProblems.For(result, HostRules.NameFromUrl(url), "target");
        }

        var host = grains.GetGrain<IOllamaHostGrain>(result.Host!.Name);
        var snapshot = await host.GetSnapshotAsync() ?? await host.PollNowAsync();
        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "no-store";
        exposition.Write(context.Response.BodyWriter, snapshot);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        return TypedResults.Empty;
    }
}
