using OllamaSimulator.Http;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary><c>/</c>, <c>/api/version</c> and <c>/api/status</c>: answers that touch nothing.</summary>
internal sealed class RootEndpoints(HostContext host)
{
    public void Map(RouteTable routes) => routes
        .Add("GET", "/", Root)
        .Add("HEAD", "/", Root)
        .Add("GET", "/api/version", Version, since: "0.1.14")
        .Add("HEAD", "/api/version", Version, since: "0.5.12")
        .Add("GET", "/api/status", Status, since: "0.16.2");

    private Task Root(HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        response.WriteTextAsync(200, Reply.PlainUtf8, "Ollama is running");

    private Task Version(HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        Reply.JsonAsync(response, new GoJsonWriter().StartObject().Property("version", host.Options.Version).EndObject());

    private Task Status(HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        Reply.JsonAsync(response, new GoJsonWriter().StartObject()
            .Name("cloud").StartObject().Property("disabled", false).Property("source", "none").EndObject()
            .EndObject());
}
