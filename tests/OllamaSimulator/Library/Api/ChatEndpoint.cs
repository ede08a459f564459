using System.Text.Json;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary><c>POST /api/chat</c>, following the order of checks in Ollama's <c>ChatHandler</c>.</summary>
internal sealed class ChatEndpoint(HostContext host)
{
    /// <summary>Tokens a chat template adds per message (role headers, end marker).</summary>
    private const int TokensPerMessage = 4;

    public void Map(RouteTable routes) => routes.Add("POST", "/api/chat", Chat);

    /// <summary>Prompt tokens of a conversation, shared with the OpenAI endpoint.</summary>
    public static int CountPromptTokens(IEnumerable<string> contents) =>
        contents.Sum(c => TokenText.CountTokens(c) + TokensPerMessage) + 1;

    private async Task Chat(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var started = host.Time.GetTimestamp();
        var body = Requests.Parse(request, RequestSchemas.Chat);
        Requests.CheckTopLogprobs(body);
        var requested = body.GetString("model");
        var name = Requests.ModelRef(requested, () => ApiException.BadRequest("model is required"));

        if (name.IsCloud)
        {
            throw ApiException.CloudUnauthorized();
        }

        var model = host.Catalog.Find(name) ?? throw ApiException.NotFound($"model '{requested}' not found");
        var messages = body.Get("messages") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [];
        var keepAlive = Requests.KeepAlive(body);
        // server/routes.go ChatHandler: only exactly 0 unloads (the whole-second rule went in v0.12.4).
        if (messages.Count == 0 && keepAlive == TimeSpan.Zero)
        {
            // Answered at once; a busy runner unloads when its requests finish.
            _ = host.Scheduler.Expire(model);
            await Reply.JsonAsync(response, Done(requested, "unload"));
            return;
        }

        if (!model.HasCapability("completion"))
        {
            throw ApiException.BadRequest($"{GoQuote.Quote(requested)} does not support chat");
        }

        if (body.Get("tools") is { ValueKind: JsonValueKind.Array } tools && tools.GetArrayLength() > 0 && !model.HasCapability("tools"))
        {
            throw ApiException.BadRequest($"{name.FullName} does not support tools");
        }

        var think = Requests.Think(body, model, requested);
        var options = InferenceOptions.Parse(body.Get("options"), model, host.Options, shift: body.GetBool("shift"));
        var lease = await host.Scheduler.AcquireAsync(model, options.Runner, keepAlive, cancellationToken);
        if (messages.Count == 0)
        {
            lease.Dispose();
            await Reply.JsonAsync(response, Done(requested, "load"));
            return;
        }

        var contents = messages.Select(m => m.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "");
        var generation = new GenerationRequest(CountPromptTokens(contents), think, body.Has("format"), options, started);
        await NativeStreaming.RunAsync(
            host,
            response,
            lease,
            generation,
            body.GetBool("stream") ?? true,
            token => Message(requested, token.IsThinking ? "" : token.Text, token.IsThinking ? token.Text : "", done: false).EndObject(),
            (result, answer, thinking) =>
            {
                var json = Message(requested, answer, thinking, done: true).Property("done_reason", result.DoneReason);
                result.Metrics.WriteTo(json);
                return json.EndObject();
            },
            cancellationToken);
    }

    /// <summary>An open chat object up to <c>done</c>; the caller adds the rest and closes it.</summary>
    private GoJsonWriter Message(string model, string content, string thinking, bool done) => new GoJsonWriter().StartObject()
        .Property("model", model)
        .Property("created_at", NativeStreaming.CreatedAt(host))
        .Name("message").StartObject()
        .Property("role", "assistant")
        .Property("content", content)
        .PropertyIfNotEmpty("thinking", thinking)
        .EndObject()
        .Property("done", done);

    private GoJsonWriter Done(string model, string reason) =>
        Message(model, "", "", done: true).Property("done_reason", reason).EndObject();
}
