using OllamaSimulator.Http;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary><c>/api/tags</c> (the local store) and <c>/api/ps</c> (loaded runners): safe to poll.</summary>
internal sealed class ModelListEndpoints(HostContext host)
{
    public void Map(RouteTable routes) => routes
        .Add("GET", "/api/tags", Tags)
        .Add("HEAD", "/api/tags", Tags, since: "0.5.12")
        .Add("GET", "/api/ps", Ps, since: "0.1.38");

    private Task Tags(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var json = new GoJsonWriter().StartObject().Name("models").StartArray();
        // Newest first; the name breaks ties so equal times list stably.
        foreach (var model in host.Catalog.All.OrderByDescending(m => m.ModifiedAt).ThenBy(m => m.DisplayName, StringComparer.Ordinal))
        {
            ModelJsonWriter.WriteTagsEntry(json, model, host);
        }

        return Reply.JsonAsync(response, json.EndArray().EndObject());
    }

    private Task Ps(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var json = new GoJsonWriter().StartObject().Name("models").StartArray();
        // Ollama compares whole seconds, stable over its (random) map order; ours is by name.
        foreach (var runner in host.Scheduler.ListLoaded().OrderByDescending(r => r.ExpiresAt.ToUnixTimeSeconds()))
        {
            var name = ModelName.Parse(runner.Model.Name).DisplayShortest;
            json.StartObject()
                .Property("name", name)
                .Property("model", name)
                .Property("size", runner.Size)
                .Property("digest", runner.Model.Digest);
            ModelJsonWriter.WriteDetails(json, runner.Model, withLengths: false);
            json.Property("expires_at", GoTime.FormatLocal(runner.ExpiresAt, host.Time))
                .Property("size_vram", runner.SizeVram);
            if (host.Version.Has("0.10.0"))
            {
                json.Property("context_length", runner.ContextLength);
            }

            json.EndObject();
        }

        return Reply.JsonAsync(response, json.EndArray().EndObject());
    }
}
