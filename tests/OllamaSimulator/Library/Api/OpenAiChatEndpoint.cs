using System.Text;
using System.Text.Json;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary><c>POST /v1/chat/completions</c>: Ollama's chat behind its OpenAI translation, SSE when streamed.</summary>
internal sealed class OpenAiChatEndpoint(HostContext host)
{
    public void Map(RouteTable routes) => routes.Add("POST", "/v1/chat/completions", Chat, since: "0.1.24");

    private async Task Chat(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var started = host.Time.GetTimestamp();
        var body = JsonBody.TryParse(request.Body, RequestSchemas.OpenAiChat, out var error);
        if (body is null)
        {
            await OpenAiReply.RequestErrorAsync(response, 400, error!);
            return;
        }

        var messages = body.Get("messages") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [];
        if (messages.Count == 0)
        {
            await OpenAiReply.RequestErrorAsync(response, 400, "[] is too short - 'messages'");
            return;
        }

        var requested = body.GetString("model");
        try
        {
            var model = OpenAiRequests.FindCompletionModel(host, requested, notFoundStatusIsGenerate: false);
            if (body.Get("tools") is { ValueKind: JsonValueKind.Array } tools && tools.GetArrayLength() > 0 && !model.HasCapability("tools"))
            {
                throw ApiException.BadRequest($"{Models.ModelName.Parse(requested).FullName} does not support tools");
            }

            var effort = body.GetString("reasoning_effort");
            var think = effort.Length > 0 ? effort != "none" : model.HasCapability("thinking");
            if (think && !model.HasCapability("thinking"))
            {
                throw ApiException.BadRequest($"{GoQuote.Quote(requested)} does not support thinking");
            }

            var options = InferenceOptions.Parse(null, model, host.Options, OpenAiRequests.MaxTokens(body));
            using var lease = await host.Scheduler.AcquireAsync(model, options.Runner, null, cancellationToken);
            var contents = messages.Select(m => m.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "");
            var generation = new GenerationRequest(ChatEndpoint.CountPromptTokens(contents), think, body.Has("response_format"), options, started);
            var id = $"chatcmpl-{OpenAiRequests.RandomId()}";
            if (body.GetBool("stream") == true)
            {
                await StreamAsync(response, lease, generation, id, requested, OpenAiRequests.IncludeUsage(body), cancellationToken);
                return;
            }

            var (answer, reasoning, result) = await CollectedGeneration.RunAsync(host, lease, generation, cancellationToken);
            var json = Header(id, "chat.completion", host.Time.GetUtcNow().ToUnixTimeSeconds(), requested)
                .Name("choices").StartArray().StartObject().Property("index", 0)
                .Name("message").StartObject().Property("role", "assistant").Property("content", answer).PropertyIfNotEmpty("reasoning", reasoning).EndObject()
                .Property("finish_reason", result.DoneReason)
                .EndObject().EndArray();
            OpenAiReply.WriteUsage(json, result.Metrics.PromptEvalCount, result.Metrics.EvalCount);
            await OpenAiReply.JsonAsync(response, json.EndObject());
        }
        catch (ApiException e) when (!response.HasStarted)
        {
            await OpenAiReply.HandlerErrorAsync(response, e);
        }
    }

    private async Task StreamAsync(
        HttpResponse response, Scheduling.RunnerLease lease, GenerationRequest generation, string id, string model, bool includeUsage, CancellationToken cancellationToken)
    {
        long? created = null;
        var first = true;
        GoJsonWriter Chunk(Action<GoJsonWriter> delta, string? finishReason)
        {
            // Every chunk carries the first chunk's time.
            created ??= host.Time.GetUtcNow().ToUnixTimeSeconds();
            var json = Header(id, "chat.completion.chunk", created.Value, model)
                .Name("choices").StartArray().StartObject().Property("index", 0).Name("delta").StartObject();
            delta(json);
            json.EndObject().Name("finish_reason");
            if (finishReason is null)
            {
                json.Null();
            }
            else
            {
                json.String(finishReason);
            }

            return json.EndObject().EndArray();
        }

        GenerationResult result;
        try
        {
            result = await Generator.RunAsync(host, lease, generation, token =>
            {
                var chunk = Chunk(
                    delta =>
                    {
                        if (first)
                        {
                            delta.Property("role", "assistant");
                        }

                        delta.PropertyIfNotEmpty(token.IsThinking ? "reasoning" : "content", token.Text);
                    },
                    null);
                first = false;
                return OpenAiReply.EventAsync(response, chunk.EndObject().ToString());
            }, cancellationToken);
        }
        catch (ApiException) when (response.HasStarted)
        {
            // The native error line decodes as an empty ChatResponse: one more chunk with no model and
            // an empty content, then the stream ends with no finish chunk and no [DONE]
            // (server/routes.go streamResponse, middleware/openai.go ChatWriter.writeResponse, openai/openai.go toChunk).
            var empty = Header(id, "chat.completion.chunk", created ?? host.Time.GetUtcNow().ToUnixTimeSeconds(), "")
                .Name("choices").StartArray().StartObject().Property("index", 0)
                .Name("delta").StartObject().Property("content", "").EndObject()
                .Name("finish_reason").Null().EndObject().EndArray();
            await OpenAiReply.EventAsync(response, empty.EndObject().ToString());
            await response.EndStreamAsync();
            return;
        }

        lease.Dispose();
        await OpenAiReply.EventAsync(response, Chunk(_ => { }, result.DoneReason).EndObject().ToString());
        if (includeUsage)
        {
            var usage = Header(id, "chat.completion.chunk", created ?? host.Time.GetUtcNow().ToUnixTimeSeconds(), model)
                .Name("choices").StartArray().EndArray();
            OpenAiReply.WriteUsage(usage, result.Metrics.PromptEvalCount, result.Metrics.EvalCount);
            await OpenAiReply.EventAsync(response, usage.EndObject().ToString());
        }

        await OpenAiReply.EventAsync(response, "[DONE]");
        await response.EndStreamAsync();
    }

    /// <summary>An open object with the fields every chat completion starts with.</summary>
    public static GoJsonWriter Header(string id, string kind, long created, string model) => new GoJsonWriter().StartObject()
        .Property("id", id)
        .Property("object", kind)
        .Property("created", created)
        .Property("model", model)
        .Property("system_fingerprint", "fp_ollama");
}
