namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// How <c>/fleet</c> treats a request that is not inference: model-addressed reads go to a host that
/// has the model (<c>POST /api/show</c> names it in the body, <c>GET /v1/models/{model}</c> in the
/// path); requests that change one host's store have no fleet-wide meaning and are refused.
/// </summary>
public static class FleetRoutes
{
    private const string ModelsPrefix = "/v1/models/";

    /// <summary>Whether the request names its model in a JSON body (<c>model</c> or <c>name</c>).</summary>
    public static bool ModelInBody(string method, string path) =>
        string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) && path.TrimEnd('/') == "/api/show";

    /// <summary>The model a <c>GET /v1/models/{model}</c> names (one path segment, as gin matches it); else null.</summary>
    public static string? ModelInPath(string method, string path)
    {
        if (!(string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase))
            || !path.StartsWith(ModelsPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var model = path[ModelsPrefix.Length..];
        return model.Length > 0 && !model.Contains('/', StringComparison.Ordinal) ? model : null;
    }

    /// <summary>The refusal for pull, push, create, copy, delete and blobs: they act on one host's store.</summary>
    public static string? HostOnlyMessage(string path)
    {
        var trimmed = path.TrimEnd('/');
        var hostOnly = trimmed is "/api/pull" or "/api/push" or "/api/create" or "/api/copy" or "/api/delete"
            || trimmed.StartsWith("/api/blobs/", StringComparison.Ordinal);
        return hostOnly
            ? $"{trimmed} changes the models of one host, so /fleet cannot route it: address one host with /h/{{host}}{trimmed}"
            : null;
    }
}
