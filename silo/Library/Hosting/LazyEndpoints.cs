namespace OllamaOrleans.Silo.Hosting;

/// <summary>
/// Endpoints under a prefix that are built on the first request there rather than at start. The Orleans
/// dashboard reads all its embedded assets (about 20 MiB with the script's source map) into memory when it is
/// mapped; a silo whose dashboard nobody opens never needs them (docs/benchmarks.md, issue 16). The outer
/// catch-all endpoint carries the conventions (the access rule), so authorization runs before anything is built.
/// </summary>
public static class LazyEndpoints
{
    public static IEndpointConventionBuilder MapOnFirstRequest(this IEndpointRouteBuilder endpoints, string prefix, Action<IEndpointRouteBuilder> map)
    {
        var services = endpoints.ServiceProvider;
        var pipeline = new Lazy<RequestDelegate>(() => Build(services, map), LazyThreadSafetyMode.ExecutionAndPublication);
        return endpoints.Map(prefix + "/{**path}", context =>
        {
            // The inner routing matches again, against the endpoints that map added.
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            return pipeline.Value(context);
        });
    }

    private static RequestDelegate Build(IServiceProvider services, Action<IEndpointRouteBuilder> map)
    {
        var app = new ApplicationBuilder(services);
        app.UseRouting();
        app.UseEndpoints(map);
        return app.Build();
    }
}
