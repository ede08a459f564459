using OllamaSimulator.Http;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary>
/// gin's routing as Ollama configures it: exact paths per method, trailing-slash redirects (301 for GET,
/// 307 otherwise), 405 when only the method is wrong (404 before Ollama 0.7.0), text/plain 404 otherwise.
/// </summary>
internal sealed class RouteTable
{
    public const string Unmatched = "unmatched";

    private readonly List<Route> routes = [];

    public RouteTable Add(string method, string pattern, Func<HttpRequest, HttpResponse, IReadOnlyDictionary<string, string>, CancellationToken, Task> handler, string? since = null)
    {
        routes.Add(new Route(method, pattern, since, handler));
        return this;
    }

    public RouteTable Add(string method, string pattern, Func<HttpRequest, HttpResponse, CancellationToken, Task> handler, string? since = null) =>
        Add(method, pattern, (request, response, _, ct) => handler(request, response, ct), since);

    /// <summary>The endpoint a request would reach, for counting requests that a fault answers first.</summary>
    public string EndpointFor(HttpRequest request, OllamaVersion? version) =>
        routes.FirstOrDefault(r => r.Method == request.Method
            && (r.SinceVersion is null || version is null || version.Value >= r.SinceVersion.Value)
            && r.Match(request.RawPath) is not null)?.Endpoint ?? Unmatched;

    /// <summary>Answers the request; <paramref name="matched"/> learns the route before its handler runs.</summary>
    public async Task DispatchAsync(HttpRequest request, HttpResponse response, OllamaVersion? version, Action<string> matched, CancellationToken cancellationToken)
    {
        var active = routes.Where(r => r.SinceVersion is null || version is null || version.Value >= r.SinceVersion.Value).ToList();
        var sameMethod = active.Where(r => r.Method == request.Method).ToList();
        foreach (var route in sameMethod)
        {
            if (route.Match(request.RawPath) is { } values)
            {
                matched(route.Endpoint);
                await route.Handler(request, response, values, cancellationToken);
                return;
            }
        }

        if (RedirectTarget(request.RawPath, sameMethod) is { } target)
        {
            await RedirectAsync(request, response, target);
            return;
        }

        var methodNotAllowed = version is null || version.Value.Has("0.7.0");
        if (methodNotAllowed && active.Any(r => r.Match(request.RawPath) is not null))
        {
            await Reply.MethodNotAllowedAsync(response);
            return;
        }

        await Reply.NotFoundPageAsync(response);
    }

    private static string? RedirectTarget(string path, List<Route> candidates)
    {
        if (path == "/")
        {
            return null;
        }

        var alternative = path.EndsWith('/') ? path.TrimEnd('/') : path + "/";
        if (alternative.Length == 0)
        {
            return null;
        }

        return candidates.Any(r => r.Match(alternative) is not null) ? alternative : null;
    }

    /// <summary>Go's <c>http.Redirect</c>: a small HTML body for GET and HEAD only.</summary>
    private static Task RedirectAsync(HttpRequest request, HttpResponse response, string target)
    {
        var location = request.Query.Length == 0 ? target : target + "?" + request.Query;
        response.SetHeader("Location", location);
        if (request.Method is "GET" or "HEAD")
        {
            return response.WriteTextAsync(301, "text/html; charset=utf-8", $"<a href=\"{location}\">Moved Permanently</a>.\n\n");
        }

        return response.WriteAsync(307, null, []);
    }
}
