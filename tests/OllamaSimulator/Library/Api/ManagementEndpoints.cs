using OllamaSimulator.Http;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary>
/// Store management: delete and copy work on the simulated store; pull has no registry to reach and fails as
/// Ollama does for an unknown model; the remaining routes exist (for 405s) but answer 501.
/// </summary>
internal sealed class ManagementEndpoints(HostContext host)
{
    public const string PullFailure = "pull model manifest: file does not exist";

    private static readonly (string Method, string Pattern, string? Since)[] NotSimulated =
    [
        ("POST", "/api/push", null), ("POST", "/api/create", null), ("POST", "/api/blobs/:digest", null),
        ("HEAD", "/api/blobs/:digest", null), ("POST", "/api/me", null), ("POST", "/api/signout", null),
        ("DELETE", "/api/user/keys/:encodedKey", null), ("POST", "/api/experimental/web_search", null),
        ("POST", "/api/experimental/web_fetch", null), ("GET", "/api/experimental/model-recommendations", null),
    ];

    public void Map(RouteTable routes)
    {
        routes.Add("DELETE", "/api/delete", Delete)
            .Add("POST", "/api/copy", Copy)
            .Add("POST", "/api/pull", Pull);
        foreach (var (method, pattern, since) in NotSimulated)
        {
            routes.Add(method, pattern, (_, response, _) => Reply.ErrorAsync(response, 501, $"{method} {pattern} is not simulated"), since);
        }
    }

    private Task Delete(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var body = Requests.Parse(request, RequestSchemas.Delete);
        var requested = body.GetString("model") is { Length: > 0 } model ? model : body.GetString("name");
        if (requested.Length == 0)
        {
            throw ApiException.BadRequest("model is required");
        }

        if (!ModelName.Parse(requested).IsValid)
        {
            throw ApiException.BadRequest($"name {GoQuote.Quote(requested)} is invalid");
        }

        // Deleting does not unload a running copy, as in Ollama.
        if (!host.Catalog.Remove(requested))
        {
            throw ApiException.NotFound($"model '{requested}' not found");
        }

        return response.WriteAsync(200, null, []);
    }

    private Task Copy(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var body = Requests.Parse(request, RequestSchemas.Copy);
        var source = body.GetString("source");
        var destination = body.GetString("destination");
        if (!ModelName.Parse(source).IsValid)
        {
            throw ApiException.BadRequest($"source {GoQuote.Quote(source)} is invalid");
        }

        if (!ModelName.Parse(destination).IsValid)
        {
            throw ApiException.BadRequest($"destination {GoQuote.Quote(destination)} is invalid");
        }

        var original = host.Catalog.Find(source) ?? throw ApiException.NotFound($"model {GoQuote.Quote(source)} not found");
        host.Catalog.Add(original with { Name = ModelName.Parse(destination).DisplayShortest, ModifiedAt = host.Time.GetUtcNow() });
        return response.WriteAsync(200, null, []);
    }

    private async Task Pull(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var body = Requests.Parse(request, RequestSchemas.Pull);
        var requested = body.GetString("model") is { Length: > 0 } model ? model : body.GetString("name");
        if (!ModelName.Parse(requested).IsValid)
        {
            throw ApiException.BadRequest("invalid model name");
        }

        if (body.GetBool("stream") == false)
        {
            throw new ApiException(500, PullFailure);
        }

        var stream = new NdjsonStream(response);
        await stream.WriteAsync(new GoJsonWriter().StartObject().Property("status", "pulling manifest").EndObject());
        await stream.FailAsync(new ApiException(500, PullFailure));
    }
}
