using System.Text;
using System.Text.Json;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// <c>POST /v1/messages</c>: Ollama's chat behind its Anthropic translation (middleware/anthropic.go
/// <c>AnthropicMessagesMiddleware</c>, anthropic/anthropic.go): the middleware's checks, then the chat
/// handler's, answered as Anthropic SSE events when streamed or one <c>message</c> object.
/// </summary>
internal sealed class AnthropicMessagesEndpoint(HostContext host)
{
    public void Map(RouteTable routes) => routes.Add("POST", "/v1/messages", Messages, since: "0.14.0");

    private async Task Messages(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var started = host.Time.GetTimestamp();
        var body = JsonBody.TryParse(request.Body, MiddlewareSchemas.AnthropicMessages, out var error);
        if (body is null)
        {
            await AnthropicReply.RequestErrorAsync(response, 400, error!);
            return;
        }

        var requested = body.GetString("model");
        var messages = body.Get("messages") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [];
        var refusal = requested.Length == 0 ? "model is required"
            : body.GetInt("max_tokens") is not > 0 ? "max_tokens is required and must be positive"
            : messages.Count == 0 ? "messages is required"
            : null;
        if (refusal is not null)
        {
            await AnthropicReply.RequestErrorAsync(response, 400, refusal);
            return;
        }

        var stream = body.GetBool("stream") == true;
        if (stream)
        {
            AnthropicReply.StreamHeaders(response);
        }

        var system = SystemText(body.Get("system"));
        var texts = messages.Select(m => (Role: m.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "", Text: ContentText(m))).ToList();
        try
        {
            var model = OpenAiRequests.FindCompletionModel(host, requested, notFoundStatusIsGenerate: false);
            // thinking "disabled" turns it off; a model without thinking ignores "enabled" (relax_thinking).
            var thinking = body.Get("thinking") is { ValueKind: JsonValueKind.Object } t && t.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
            var think = model.HasCapability("thinking") && thinking != "disabled";
            var options = InferenceOptions.Parse(null, model, host.Options, (int)body.GetInt("max_tokens")!.Value);
            var prompt = ChatEndpoint.CountPromptTokens(system.Length > 0 ? [system, .. texts.Select(m => m.Text)] : texts.Select(m => m.Text));
            using var lease = await host.Scheduler.AcquireAsync(model, options.Runner, null, cancellationToken);
            var generation = new GenerationRequest(prompt, think, false, options, started);
            var id = AnthropicReply.Id("msg");
            if (stream)
            {
                var converter = new AnthropicStream(id, requested, EstimateInputTokens(system, texts), (name, data) => AnthropicReply.EventAsync(response, name, data));
                await TranslatedStream.RunAsync(host, lease, generation, converter.TokenAsync, converter.DoneAsync, response, cancellationToken);
                return;
            }

            var collected = await CollectedGeneration.RunAsync(host, lease, generation, cancellationToken);
            await response.WriteAsync(200, Reply.JsonNoCharset, Encoding.UTF8.GetBytes(Message(id, requested, collected.Answer, collected.Reasoning, collected.Result) + "\n"));
        }
        catch (ApiException e) when (!response.HasStarted)
        {
            await AnthropicReply.HandlerErrorAsync(response, e);
        }
    }

    /// <summary><c>ToMessagesResponse</c>: thinking, then text; <c>content</c> is null when both are empty.</summary>
    private static GoJsonWriter Message(string id, string model, string answer, string thinking, GenerationResult result)
    {
        var json = new GoJsonWriter().StartObject()
            .Property("id", id)
            .Property("type", "message")
            .Property("role", "assistant")
            .Property("model", model)
            .Name("content");
        if (answer.Length == 0 && thinking.Length == 0)
        {
            json.Null();
        }
        else
        {
            json.StartArray();
            if (thinking.Length > 0)
            {
                json.StartObject().Property("type", "thinking").Property("thinking", thinking).EndObject();
            }

            if (answer.Length > 0)
            {
                json.StartObject().Property("type", "text").Property("text", answer).EndObject();
            }

            json.EndArray();
        }

        return json.PropertyIfNotEmpty("stop_reason", AnthropicStream.StopReason(result.DoneReason))
            .Name("usage").StartObject()
            .Property("input_tokens", result.Metrics.PromptEvalCount)
            .Property("output_tokens", result.Metrics.EvalCount)
            .EndObject()
            .EndObject();
    }

    /// <summary><c>EstimateInputTokens</c>: a quarter of the bytes of system, roles and texts; at least 1.</summary>
    public static int EstimateInputTokens(string system, IReadOnlyList<(string Role, string Text)> messages)
    {
        var length = Encoding.UTF8.GetByteCount(system) + messages.Sum(m => Encoding.UTF8.GetByteCount(m.Role) + Encoding.UTF8.GetByteCount(m.Text));
        return Math.Max(length / 4, messages.Count > 0 ? 1 : 0);
    }

    /// <summary>A system string, or the texts of its <c>text</c> blocks joined.</summary>
    private static string SystemText(JsonElement? system) => system switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        { ValueKind: JsonValueKind.Array } blocks => string.Concat(blocks.EnumerateArray().Select(TextOfBlock)),
        _ => "",
    };

    /// <summary>A message's content: a string, or the texts of its blocks.</summary>
    private static string ContentText(JsonElement message) =>
        !message.TryGetProperty("content", out var content) ? ""
        : content.ValueKind == JsonValueKind.String ? content.GetString()!
        : content.ValueKind == JsonValueKind.Array ? string.Concat(content.EnumerateArray().Select(TextOfBlock))
        : "";

    private static string TextOfBlock(JsonElement block) =>
        block.ValueKind == JsonValueKind.Object && block.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "text"
        && block.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
}
