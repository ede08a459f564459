using System.Text;
using System.Text.Json;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// <c>POST /v1/responses</c>: Ollama's chat behind its Responses translation (middleware/openai.go
/// <c>ResponsesMiddleware</c>, openai/responses.go): SSE <c>response.*</c> events when streamed (off by
/// default), else one <c>response</c> object; errors in OpenAI's envelope.
/// </summary>
internal sealed class ResponsesEndpoint(HostContext host)
{
    public void Map(RouteTable routes) => routes.Add("POST", "/v1/responses", Respond, since: "0.13.3");

    private async Task Respond(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var started = host.Time.GetTimestamp();
        var body = JsonBody.TryParse(request.Body, MiddlewareSchemas.Responses, out var error);
        if (body is null)
        {
            await OpenAiReply.RequestErrorAsync(response, 400, error!);
            return;
        }

        var echo = new ResponsesRequestEcho(body);
        var think = ThinkFromEffort(echo.Effort);
        if (think.Error is not null)
        {
            await OpenAiReply.RequestErrorAsync(response, 400, think.Error);
            return;
        }

        var stream = body.GetBool("stream") == true;
        if (stream)
        {
            AnthropicReply.StreamHeaders(response);
        }

        var requested = body.GetString("model");
        try
        {
            var model = OpenAiRequests.FindCompletionModel(host, requested, notFoundStatusIsGenerate: false);
            if (think.Value == true && !model.HasCapability("thinking"))
            {
                throw ApiException.BadRequest($"{GoQuote.Quote(requested)} does not support thinking");
            }

            var thinking = think.Value ?? model.HasCapability("thinking");
            var options = InferenceOptions.Parse(null, model, host.Options, echo.MaxOutputTokens is { } max ? (int)max : null);
            var texts = new List<string>();
            if (echo.Instructions.Length > 0)
            {
                texts.Add(echo.Instructions);
            }

            texts.AddRange(InputTexts(body.Get("input")));
            using var lease = await host.Scheduler.AcquireAsync(model, options.Runner, null, cancellationToken);
            var generation = new GenerationRequest(ChatEndpoint.CountPromptTokens(texts), thinking, false, options, started);
            var responseId = $"resp_{Random.Shared.Next(999999)}";
            var itemId = $"msg_{Random.Shared.Next(999999)}";
            long Now() => host.Time.GetUtcNow().ToUnixTimeSeconds();
            if (stream)
            {
                var converter = new ResponsesStream(responseId, itemId, requested, echo, Now, (name, data) => AnthropicReply.EventAsync(response, name, data));
                await TranslatedStream.RunAsync(host, lease, generation, converter.TokenAsync, converter.DoneAsync, response, cancellationToken);
                return;
            }

            var collected = await CollectedGeneration.RunAsync(host, lease, generation, cancellationToken);
            // created_at is the final chat response's time; completed_at is set as it is written.
            var json = echo.Response(responseId, requested, Now(), Now(), o => Output(o, responseId, itemId, collected.Answer, collected.Reasoning), collected.Result.Metrics.PromptEvalCount, collected.Result.Metrics.EvalCount);
            await OpenAiReply.JsonAsync(response, json);
        }
        catch (ApiException e) when (!response.HasStarted)
        {
            await OpenAiReply.HandlerErrorAsync(response, e);
        }
    }

    /// <summary><c>ToResponse</c>'s output: a reasoning item when there was thinking, then the message.</summary>
    private static void Output(GoJsonWriter json, string responseId, string itemId, string answer, string thinking)
    {
        json.StartArray();
        if (thinking.Length > 0)
        {
            json.StartObject().Property("id", $"rs_{responseId}").Property("type", "reasoning")
                .Name("summary").StartArray().StartObject().Property("type", "summary_text").Property("text", thinking).EndObject().EndArray()
                .Property("encrypted_content", thinking)
                .EndObject();
        }

        json.StartObject().Property("id", itemId).Property("type", "message").Property("status", "completed").Property("role", "assistant")
            .Name("content").StartArray().StartObject()
            .Property("type", "output_text").Property("text", answer).Name("annotations").StartArray().EndArray().Name("logprobs").StartArray().EndArray()
            .EndObject().EndArray()
            .EndObject();
        json.EndArray();
    }

    /// <summary><c>thinkFromReasoningEffort</c> (openai/openai.go): null leaves it to the model.</summary>
    public static (bool? Value, string? Error) ThinkFromEffort(string effort) => effort switch
    {
        "" => (null, null),
        "none" => (false, null),
        "minimal" or "low" or "medium" or "high" or "max" or "xhigh" or "ultra" => (true, null),
        _ => (null, $"invalid reasoning value: {GoQuote.Quote(effort)} (must be \"minimal\", \"low\", \"medium\", \"high\", \"xhigh\", \"ultra\", \"max\", or \"none\")"),
    };

    /// <summary>The texts of a string input or of the messages of an item array.</summary>
    private static IEnumerable<string> InputTexts(JsonElement? input)
    {
        if (input is { ValueKind: JsonValueKind.String } text)
        {
            return text.GetString()!.Length > 0 ? [text.GetString()!] : [];
        }

        if (input is not { ValueKind: JsonValueKind.Array } items)
        {
            return [];
        }

        return items.EnumerateArray().Select(item => !item.TryGetProperty("content", out var content) ? ""
            : content.ValueKind == JsonValueKind.String ? content.GetString()!
            : content.ValueKind == JsonValueKind.Array ? string.Concat(content.EnumerateArray().Select(c => c.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : ""))
            : "");
    }
}
