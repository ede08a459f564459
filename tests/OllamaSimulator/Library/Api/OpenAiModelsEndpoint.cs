using OllamaSimulator.Http;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/:model</c>.</summary>
internal sealed class OpenAiModelsEndpoint(HostContext host)
{
    public void Map(RouteTable routes) => routes
        .Add("GET", "/v1/models", List, since: "0.2.0")
        .Add("GET", "/v1/models/:model", Retrieve, since: "0.2.0");

    private Task List(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var models = host.Catalog.All.OrderByDescending(m => m.ModifiedAt).ThenBy(m => m.DisplayName, StringComparer.Ordinal).ToList();
        var json = new GoJsonWriter().StartObject().Property("object", "list").Name("data");
        if (models.Count == 0)
        {
            // A nil Go slice: Ollama really sends null here, not [].
            json.Null();
        }
        else
        {
            json.StartArray();
            foreach (var model in models)
            {
                WriteModel(json, model.DisplayName, model);
            }

            json.EndArray();
        }

        return OpenAiReply.JsonAsync(response, json.EndObject());
    }

    private Task Retrieve(HttpRequest request, HttpResponse response, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var requested = route["model"];
        var name = ModelName.Parse(requested);
        if (!name.IsValid)
        {
            return OpenAiReply.HandlerErrorAsync(response, ApiException.BadRequest("invalid model name"));
        }

        var model = host.Catalog.Find(name);
        if (model is null)
        {
            return OpenAiReply.HandlerErrorAsync(response, ApiException.NotFound($"model '{name.DisplayShortest}' not found"));
        }

        var json = new GoJsonWriter();
        WriteModel(json, requested, model);
        return OpenAiReply.JsonAsync(response, json);
    }

    private static void WriteModel(GoJsonWriter json, string id, SimulatedModel model) => json.StartObject()
        .Property("id", id)
        .Property("object", "model")
        .Property("created", model.ModifiedAt.ToUnixTimeSeconds())
        .Property("owned_by", ModelName.Parse(model.Name).Namespace)
        .EndObject();
}
