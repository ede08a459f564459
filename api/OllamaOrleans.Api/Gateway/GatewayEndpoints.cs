using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Gateway;

public static class GatewayEndpoints
{
    /// <summary>
    /// <c>/h/{host}/…</c> forwards to that host; <c>/fleet/…</c> routes each request by its model;
    /// ports in <c>Gateway:Listeners</c> forward everything to their host without a prefix.
    /// </summary>
    public static IEndpointRouteBuilder MapGateway(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<GatewayOptions>>().Value.Enabled)
        {
            return endpoints;
        }

        endpoints.Map("/h/{host}", context => ToHostAsync(context, "/")).ExcludeFromDescription();
        endpoints.Map("/h/{host}/{**path}", context => ToHostAsync(context, "/" + (string?)context.GetRouteValue("path"))).ExcludeFromDescription();
        endpoints.Map("/fleet", context => ToFleetAsync(context, "/")).ExcludeFromDescription();
        endpoints.Map("/fleet/{**path}", context => ToFleetAsync(context, "/" + (string?)context.GetRouteValue("path"))).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Requests arriving on a listener port go to its host whatever their path.</summary>
    public static IApplicationBuilder UseGatewayListeners(this IApplicationBuilder app)
    {
        var listeners = app.ApplicationServices.GetRequiredService<IOptions<GatewayOptions>>().Value.Listeners.ToDictionary(l => l.Port, l => l.Host);
        if (listeners.Count == 0)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (listeners.TryGetValue(context.Connection.LocalPort, out var host))
            {
                await ForwardAsync(context, host, context.Request.Path);
                return;
            }

            await next(context);
        });
    }

    private static Task ToHostAsync(HttpContext context, string path) =>
        ForwardAsync(context, (string)context.GetRouteValue("host")!, new PathString(path));

    private static async Task ForwardAsync(HttpContext context, string hostName, PathString path)
    {
        if (!await GatewayAccess.AllowAsync(context, path))
        {
            return;
        }

        var directory = context.RequestServices.GetRequiredService<IHostDirectory>();
        var proxy = context.RequestServices.GetRequiredService<GatewayProxy>();
        if (directory.Find(hostName) is not { } host)
        {
            await OllamaErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"no Ollama host named '{hostName}' is monitored", MeteredEndpoints.Classify(context.Request.Method, path.Value ?? "/"));
            return;
        }

        if (await proxy.PrepareAsync(context, path) is { } facts)
        {
            await proxy.ForwardAsync(context, host, path, facts);
        }
    }

    private static async Task ToFleetAsync(HttpContext context, string path)
    {
        if (!await GatewayAccess.AllowAsync(context, new PathString(path)))
        {
            return;
        }

        var directory = context.RequestServices.GetRequiredService<IHostDirectory>();
        var hosts = directory.All;
        var method = context.Request.Method;
        if (FleetRoutes.HostOnlyMessage(path) is { } refusal)
        {
            await OllamaErrors.WriteAsync(context, StatusCodes.Status400BadRequest, refusal, MeteredEndpoint.None);
            return;
        }

        if (FleetRoutes.ModelInPath(method, path) is { } named)
        {
            // GET /v1/models/{model}: OpenAI's shape for "not found", as Ollama's RetrieveMiddleware writes it.
            var read = new RequestFacts(MeteredEndpoint.None, named, false, false, ReadOnlyMemory<byte>.Empty);
            await RouteAsync(context, new PathString(path), read, MeteredEndpoint.OpenAiChat, hosts);
            return;
        }

        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            await ListAsync(context, path, hosts);
            return;
        }

        var proxy = context.RequestServices.GetRequiredService<GatewayProxy>();
        if (await proxy.PrepareAsync(context, new PathString(path), routing: true) is not { } facts)
        {
            return;
        }

        if (facts.Model is null)
        {
            await OllamaErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "model is required", facts.Endpoint);
            return;
        }

        await RouteAsync(context, new PathString(path), facts, facts.Endpoint, hosts);
    }

    /// <summary>Offers the request to the host <see cref="FleetRouter"/> picks for its model, then the next ones.</summary>
    private static async Task RouteAsync(HttpContext context, PathString path, RequestFacts facts, MeteredEndpoint errorShape, IReadOnlyList<GrainInterfaces.Hosts.HostSnapshot> hosts)
    {
        var model = facts.Model!;
        var proxy = context.RequestServices.GetRequiredService<GatewayProxy>();
        var tracker = context.RequestServices.GetRequiredService<InFlightTracker>();
        var host = FleetRouter.Choose(model, hosts, tracker.Host);
        if (host is null)
        {
            await OllamaErrors.WriteAsync(context, StatusCodes.Status404NotFound, OllamaErrors.ModelNotFound(facts.Endpoint, model), errorShape);
            return;
        }

        // A host that went down since its last poll refuses the connection: the request never reached
        // it, so the next choice takes it, up to FleetRouter.MaxAttempts hosts in all.
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (host is not null)
        {
            tried.Add(host.Name);
            var next = tried.Count < FleetRouter.MaxAttempts ? FleetRouter.Choose(model, hosts, tracker.Host, tried) : null;
            if (await proxy.ForwardAsync(context, host, path, facts, anotherHostMayTry: next is not null))
            {
                return;
            }

            host = next;
        }
    }

    private static Task ListAsync(HttpContext context, string path, IReadOnlyList<GrainInterfaces.Hosts.HostSnapshot> hosts)
    {
        JsonObject? body = path.TrimEnd('/') switch
        {
            "/api/tags" => FleetListings.Tags(hosts),
            "/api/ps" => FleetListings.Ps(hosts),
            "/api/version" => FleetListings.Version(hosts),
            "/v1/models" => FleetListings.OpenAiModels(hosts),
            _ => null,
        };
        if (body is not null)
        {
            return Results.Json(body, contentType: "application/json; charset=utf-8").ExecuteAsync(context);
        }

        if (path.TrimEnd('/').Length == 0)
        {
            return Results.Text("Ollama is running", "text/plain; charset=utf-8").ExecuteAsync(context);
        }

        return Results.Text("404 page not found", "text/plain", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
    }
}
