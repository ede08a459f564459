using System.Text.Json;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary><c>POST /api/generate</c>, following the order of checks in Ollama's <c>GenerateHandler</c>.</summary>
internal sealed class GenerateEndpoint(HostContext host)
{
    /// <summary>Tokens a chat template adds around a prompt.</summary>
    private const int TemplateTokens = 6;

    public void Map(RouteTable routes) => routes.Add("POST", "/api/generate", Generate);

    private async Task Generate(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var started = host.Time.GetTimestamp();
        var body = Requests.Parse(request, RequestSchemas.Generate);
        Requests.CheckTopLogprobs(body);
        var requested = body.GetString("model");
        // Ollama keeps answering 404 for an empty name here, for compatibility.
        var name = Requests.ModelRef(requested, () => ApiException.NotFound($"model '{requested}' not found"));

        if (name.IsCloud)
        {
            throw ApiException.CloudUnauthorized();
        }

        var raw = body.GetBool("raw") == true;
        var contextLength = body.Get("context") is { ValueKind: JsonValueKind.Array } context ? context.GetArrayLength() : 0;
        if (raw && (body.GetString("template").Length > 0 || body.GetString("system").Length > 0 || contextLength > 0))
        {
            throw ApiException.BadRequest("raw mode does not support template, system, or context");
        }

        var model = host.Catalog.Find(name) ?? throw ApiException.NotFound($"model '{requested}' not found");
        var keepAlive = Requests.KeepAlive(body);
        var prompt = body.GetString("prompt");
        if (prompt.Length == 0 && keepAlive == TimeSpan.Zero)
        {
            // Answered at once; a busy runner unloads when its requests finish.
            _ = host.Scheduler.Expire(model);
            await Reply.JsonAsync(response, Done(requested, "unload"));
            return;
        }

        if (!model.HasCapability("completion"))
        {
            throw ApiException.BadRequest($"{GoQuote.Quote(requested)} does not support generate");
        }

        if (body.GetString("suffix").Length > 0 && !model.HasCapability("insert"))
        {
            throw ApiException.BadRequest($"{name.FullName} does not support insert");
        }

        var think = Requests.Think(body, model, requested);
        var options = InferenceOptions.Parse(body.Get("options"), model, host.Options, shift: body.GetBool("shift"));
        var lease = await host.Scheduler.AcquireAsync(model, options.Runner, keepAlive, cancellationToken);
        if (prompt.Length == 0)
        {
            lease.Dispose();
            await Reply.JsonAsync(response, Done(requested, "load"));
            return;
        }

        var promptTokens = TokenText.CountTokens(body.GetString("system")) + TokenText.CountTokens(prompt) + contextLength + (raw ? 0 : TemplateTokens);
        var generation = new GenerationRequest(promptTokens, think, body.Has("format"), options, started);
        await NativeStreaming.RunAsync(
            host,
            response,
            lease,
            generation,
            body.GetBool("stream") ?? true,
            token => Chunk(requested, token.IsThinking ? "" : token.Text, token.IsThinking ? token.Text : ""),
            (result, answer, thinking) => Final(requested, answer, thinking, result, includeContext: !raw),
            cancellationToken);
    }

    private GoJsonWriter Chunk(string model, string text, string thinking) => new GoJsonWriter().StartObject()
        .Property("model", model)
        .Property("created_at", NativeStreaming.CreatedAt(host))
        .Property("response", text)
        .PropertyIfNotEmpty("thinking", thinking)
        .Property("done", false)
        .EndObject();

    private GoJsonWriter Final(string model, string answer, string thinking, GenerationResult result, bool includeContext)
    {
        var json = new GoJsonWriter().StartObject()
            .Property("model", model)
            .Property("created_at", NativeStreaming.CreatedAt(host))
            .Property("response", answer)
            .PropertyIfNotEmpty("thinking", thinking)
            .Property("done", true)
            .Property("done_reason", result.DoneReason);
        if (includeContext && result.Context.Count > 0)
        {
            json.Name("context").StartArray();
            foreach (var id in result.Context)
            {
                json.Number(id);
            }

            json.EndArray();
        }

        result.Metrics.WriteTo(json);
        return json.EndObject();
    }

    /// <summary>The single object of a load or unload request: no metrics.</summary>
    private GoJsonWriter Done(string model, string reason) => new GoJsonWriter().StartObject()
        .Property("model", model)
        .Property("created_at", NativeStreaming.CreatedAt(host))
        .Property("response", "")
        .Property("done", true)
        .Property("done_reason", reason)
        .EndObject();
}
