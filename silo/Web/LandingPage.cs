namespace OllamaOrleans.Silo.Web;

/// <summary><c>GET /</c>: a plain page linking to what the silo serves, as the exporter guideline asks.</summary>
public static class LandingPage
{
    private const string Html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>OllamaOrleans</title></head>
        <body>
        <h1>OllamaOrleans</h1>
        <p>Monitoring cluster for fleets of Ollama servers.</p>
        <ul>
        <li><a href="metrics">/metrics</a>: Prometheus metrics of the hosts on this silo</li>
        <li><a href="dashboard/">/dashboard</a>: Orleans Dashboard</li>
        <li><a href="healthz">/healthz</a>: liveness</li>
        <li><a href="ready">/ready</a>: readiness</li>
        <li><a href="api/v1/hosts">/api/v1/hosts</a>: the management API (<a href="openapi/v1.json">OpenAPI document</a>)</li>
        <li>/probe?target=URL: one Ollama host's series, for Prometheus' multi-target pattern</li>
        </ul>
        </body></html>
        """;

    public static IEndpointRouteBuilder MapLandingPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Content(Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        return endpoints;
    }
}
