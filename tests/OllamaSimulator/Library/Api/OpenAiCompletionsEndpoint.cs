using System.Text;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary><c>POST /v1/completions</c>: Ollama's generate behind its OpenAI translation.</summary>
internal sealed class OpenAiCompletionsEndpoint(HostContext host)
{
    private const int TemplateTokens = 6;

    public void Map(RouteTable routes) => routes.Add("POST", "/v1/completions", Complete, since: "0.2.0");

    private async Task Complete(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var started = host.Time.GetTimestamp();
        var body = JsonBody.TryParse(request.Body, RequestSchemas.OpenAiCompletion, out var error);
        if (body is null)
        {
            await OpenAiReply.RequestErrorAsync(response, 400, error!);
            return;
        }

        var requested = body.GetString("model");
        var id = $"cmpl-{OpenAiRequests.RandomId()}";
        try
        {
            var model = OpenAiRequests.FindCompletionModel(host, requested, notFoundStatusIsGenerate: true);
            var options = InferenceOptions.Parse(null, model, host.Options, OpenAiRequests.MaxTokens(body));
            using var lease = await host.Scheduler.AcquireAsync(model, options.Runner, null, cancellationToken);
            var prompt = body.GetString("prompt");
            var stream = body.GetBool("stream") == true;
            var includeUsage = OpenAiRequests.IncludeUsage(body);
            if (prompt.Length == 0)
            {
                // The native load reply, translated: no text, finish_reason "load"; streamed when asked.
                lease.Dispose();
                if (stream)
                {
                    await FinishStreamAsync(response, new CompletionChunkWriter(host, id, requested, includeUsage), "load", 0, 0);
                    return;
                }

                await OpenAiReply.JsonAsync(response, Completion(id, requested, "", "load", 0, 0));
                return;
            }

            // FromCompleteRequest leaves think unset, so GenerateHandler turns it on for thinking models;
            // only the response text reaches the chunks, but eval_count (completion_tokens) counts both.
            var think = model.HasCapability("thinking");
            var generation = new GenerationRequest(TokenText.CountTokens(prompt) + TemplateTokens, think, false, options, started);
            if (stream)
            {
                await StreamAsync(response, lease, generation, new CompletionChunkWriter(host, id, requested, includeUsage), cancellationToken);
                return;
            }

            var text = new StringBuilder();
            var result = await Generator.RunAsync(host, lease, generation, token =>
            {
                if (!token.IsThinking)
                {
                    text.Append(token.Text);
                }

                return Task.CompletedTask;
            }, cancellationToken);
            lease.Dispose();
            await OpenAiReply.JsonAsync(response, Completion(id, requested, text.ToString(), result.DoneReason, result.Metrics.PromptEvalCount, result.Metrics.EvalCount));
        }
        catch (ApiException e) when (!response.HasStarted)
        {
            await OpenAiReply.HandlerErrorAsync(response, e);
        }
    }

    private async Task StreamAsync(
        HttpResponse response, Scheduling.RunnerLease lease, GenerationRequest generation, CompletionChunkWriter chunks, CancellationToken cancellationToken)
    {
        GenerationResult result;
        try
        {
            result = await Generator.RunAsync(
                host, lease, generation, token => OpenAiReply.EventAsync(response, chunks.Chunk(token.IsThinking ? "" : token.Text, null)), cancellationToken);
        }
        catch (ApiException) when (response.HasStarted)
        {
            // The native error line decodes as an empty GenerateResponse: one more chunk, no [DONE]
            // (server/routes.go streamResponse, middleware/openai.go CompleteWriter.writeResponse).
            await OpenAiReply.EventAsync(response, chunks.Chunk("", null, modelOverride: ""));
            await response.EndStreamAsync();
            return;
        }

        lease.Dispose();
        await FinishStreamAsync(response, chunks, result.DoneReason, result.Metrics.PromptEvalCount, result.Metrics.EvalCount);
    }

    /// <summary>The final chunk, the usage chunk when asked for, and <c>[DONE]</c>.</summary>
    private static async Task FinishStreamAsync(HttpResponse response, CompletionChunkWriter chunks, string doneReason, long promptTokens, long completionTokens)
    {
        await OpenAiReply.EventAsync(response, chunks.Chunk("", doneReason));
        if (chunks.IncludeUsage)
        {
            await OpenAiReply.EventAsync(response, chunks.UsageChunk(promptTokens, completionTokens));
        }

        await OpenAiReply.EventAsync(response, "[DONE]");
        await response.EndStreamAsync();
    }

    private GoJsonWriter Completion(string id, string model, string text, string finishReason, long promptTokens, long completionTokens)
    {
        var json = OpenAiChatEndpoint.Header(id, "text_completion", host.Time.GetUtcNow().ToUnixTimeSeconds(), model)
            .Name("choices").StartArray().StartObject()
            .Property("text", text).Property("index", 0).Property("finish_reason", finishReason)
            .EndObject().EndArray();
        OpenAiReply.WriteUsage(json, promptTokens, completionTokens);
        return json.EndObject();
    }
}
