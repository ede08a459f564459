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
            if (prompt.Length == 0)
            {
                // The native load reply, translated: no text, finish_reason "load".
                lease.Dispose();
                await OpenAiReply.JsonAsync(response, Completion(id, requested, "", "load", 0, 0));
                return;
            }

            var generation = new GenerationRequest(TokenText.CountTokens(prompt) + TemplateTokens, false, false, options, started);
            if (body.GetBool("stream") == true)
            {
                await StreamAsync(response, lease, generation, id, requested, OpenAiRequests.IncludeUsage(body), cancellationToken);
                return;
            }

            var text = new StringBuilder();
            var result = await Generator.RunAsync(host, lease, generation, token =>
            {
                text.Append(token.Text);
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
        HttpResponse response, Scheduling.RunnerLease lease, GenerationRequest generation, string id, string model, bool includeUsage, CancellationToken cancellationToken)
    {
        long? created = null;
        GoJsonWriter Chunk(string text, string? finishReason)
        {
            created ??= host.Time.GetUtcNow().ToUnixTimeSeconds();
            var json = OpenAiChatEndpoint.Header(id, "text_completion", created.Value, model)
                .Name("choices").StartArray().StartObject().Property("text", text).Property("index", 0).Name("finish_reason");
            if (finishReason is null)
            {
                json.Null();
            }
            else
            {
                json.String(finishReason);
            }

            return json.EndObject().EndArray().EndObject();
        }

        GenerationResult result;
        try
        {
            result = await Generator.RunAsync(host, lease, generation, token => OpenAiReply.EventAsync(response, Chunk(token.Text, null).ToString()), cancellationToken);
        }
        catch (ApiException e) when (response.HasStarted)
        {
            await OpenAiReply.EventAsync(response, OpenAiReply.ErrorBody(e.StatusCode, e.Message).ToString());
            await response.EndStreamAsync();
            return;
        }

        lease.Dispose();
        await OpenAiReply.EventAsync(response, Chunk("", result.DoneReason).ToString());
        if (includeUsage)
        {
            var usage = OpenAiChatEndpoint.Header(id, "text_completion", created ?? host.Time.GetUtcNow().ToUnixTimeSeconds(), model)
                .Name("choices").StartArray().EndArray();
            OpenAiReply.WriteUsage(usage, result.Metrics.PromptEvalCount, result.Metrics.EvalCount);
            await OpenAiReply.EventAsync(response, usage.EndObject().ToString());
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
