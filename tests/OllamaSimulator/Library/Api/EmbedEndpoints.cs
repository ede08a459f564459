using System.Text.Json;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary><c>POST /api/embed</c> (batched, normalised) and the legacy <c>POST /api/embeddings</c>.</summary>
internal sealed class EmbedEndpoints(HostContext host)
{
    public void Map(RouteTable routes) => routes
        .Add("POST", "/api/embed", Embed, since: "0.2.6")
        .Add("POST", "/api/embeddings", Embeddings);

    /// <summary>Ollama's input rules: a string, or an array whose items are all strings; "" and null mean none.</summary>
    public static List<string> ReadInputs(JsonElement? input)
    {
        switch (input)
        {
            case null:
                return [];
            case { ValueKind: JsonValueKind.String } text:
                return text.GetString()!.Length == 0 ? [] : [text.GetString()!];
            case { ValueKind: JsonValueKind.Array } array when array.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String):
                return [.. array.EnumerateArray().Select(i => i.GetString()!)];
            default:
                throw ApiException.BadRequest("invalid input type");
        }
    }

    /// <summary>The model lookup of <c>EmbedHandler</c>: an empty name is a 404 with one text, an unknown one with another.</summary>
    public static SimulatedModel FindModel(HostContext host, string requested)
    {
        var name = Requests.ModelRef(requested, () => ApiException.NotFound($"model '{requested}' not found"));

        if (name.IsCloud)
        {
            throw ApiException.CloudUnauthorized();
        }

        return host.Catalog.Find(name) ?? throw ApiException.NotFound($"model {GoQuote.Quote(requested)} not found, try pulling it first");
    }

    private async Task Embed(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var started = host.Time.GetTimestamp();
        var body = Requests.Parse(request, RequestSchemas.Embed);
        var inputs = ReadInputs(body.Get("input"));
        var requested = body.GetString("model");
        var model = FindModel(host, requested);
        var options = InferenceOptions.Parse(body.Get("options"), model, host.Options);
        using var lease = await host.Scheduler.AcquireAsync(model, options.Runner, Requests.KeepAlive(body), cancellationToken);
        var json = new GoJsonWriter().StartObject().Property("model", requested).Name("embeddings").StartArray();
        if (inputs.Count == 0)
        {
            lease.Dispose();
            await Reply.JsonAsync(response, json.EndArray().EndObject());
            return;
        }

        if (body.GetBool("truncate") == false && inputs.Any(i => Embedder.CountTokens(i) > options.Runner.NumCtx))
        {
            throw ApiException.BadRequest("the input length exceeds the context length");
        }

        var tokens = await Embedder.EvaluateAsync(host, lease, inputs, 400, cancellationToken);
        var dimensions = (int)(body.GetInt("dimensions") ?? 0);
        foreach (var input in inputs)
        {
            json.StartArray();
            foreach (var value in EmbeddingVectors.Normalized(model, input, dimensions))
            {
                json.Float32(value);
            }

            json.EndArray();
        }

        lease.Dispose();
        json.EndArray()
            .PropertyIfNotZero("total_duration", InferenceMetrics.Nanoseconds(host.Time.GetElapsedTime(started)))
            .PropertyIfNotZero("load_duration", InferenceMetrics.Nanoseconds(lease.LoadDuration))
            .PropertyIfNotZero("prompt_eval_count", tokens);
        await Reply.JsonAsync(response, json.EndObject());
    }

    private async Task Embeddings(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var body = Requests.Parse(request, RequestSchemas.Embeddings);
        var requested = body.GetString("model");
        var name = Requests.ModelRef(requested, () => ApiException.BadRequest("model is required"));

        if (name.IsCloud)
        {
            throw ApiException.CloudUnauthorized();
        }

        var model = host.Catalog.Find(name)
            ?? throw ApiException.NotFound($"model {GoQuote.Quote(requested)} not found, try pulling it first");
        var options = InferenceOptions.Parse(body.Get("options"), model, host.Options);
        using var lease = await host.Scheduler.AcquireAsync(model, options.Runner, Requests.KeepAlive(body), cancellationToken);
        var prompt = body.GetString("prompt");
        var json = new GoJsonWriter().StartObject().Name("embedding").StartArray();
        if (prompt.Length > 0)
        {
            await Embedder.EvaluateAsync(host, lease, [prompt], 500, cancellationToken);
            foreach (var value in EmbeddingVectors.Raw(model, prompt))
            {
                json.Number(value);
            }
        }

        lease.Dispose();
        await Reply.JsonAsync(response, json.EndArray().EndObject());
    }
}
