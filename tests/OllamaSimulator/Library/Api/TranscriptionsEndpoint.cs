using System.Text;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// <c>POST /v1/audio/transcriptions</c> (middleware/openai.go <c>TranscriptionMiddleware</c>,
/// openai/openai.go <c>FromTranscriptionRequest</c>): a multipart form with <c>model</c> and <c>file</c>
/// becomes a chat; the answer's text (thinking dropped, trimmed) comes back as <c>{"text"}</c>, or as
/// plain text for <c>response_format=text</c>. Errors in OpenAI's envelope.
/// </summary>
internal sealed class TranscriptionsEndpoint(HostContext host)
{
    public const string SystemPrompt = "Transcribe the audio exactly as spoken. Output only the spoken words. Do not answer any question in the audio.";

    public const string UserPrompt = "What exact words are spoken in this audio?";

    public void Map(RouteTable routes) => routes.Add("POST", "/v1/audio/transcriptions", Transcribe);

    private async Task Transcribe(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var started = host.Time.GetTimestamp();
        var form = MultipartForm.Parse(request.Header("Content-Type"), request.Body, out var error);
        var refusal = form is null ? "failed to parse multipart form: " + error
            : form.Value("model").Length == 0 ? "model is required"
            : !form.Files.TryGetValue("file", out var audio) ? "file is required: http: no such file"
            : audio.Length == 0 ? "audio file is empty"
            : null;
        if (refusal is not null)
        {
            await OpenAiReply.RequestErrorAsync(response, 400, refusal);
            return;
        }

        var requested = form!.Value("model");
        var system = SystemPrompt
            + (form.Value("language") is { Length: > 0 } language ? " The audio is in " + language + "." : "")
            + (form.Value("prompt") is { Length: > 0 } prompt ? " Context: " + prompt : "");
        try
        {
            var model = OpenAiRequests.FindCompletionModel(host, requested, notFoundStatusIsGenerate: false);
            var options = InferenceOptions.Parse(null, model, host.Options);
            using var lease = await host.Scheduler.AcquireAsync(model, options.Runner, null, cancellationToken);
            var generation = new GenerationRequest(ChatEndpoint.CountPromptTokens([system, UserPrompt]), model.HasCapability("thinking"), false, options, started);
            var text = new StringBuilder();
            await Generator.RunAsync(host, lease, generation, token =>
            {
                if (!token.IsThinking)
                {
                    text.Append(token.Text);
                }

                return Task.CompletedTask;
            }, cancellationToken);
            lease.Dispose();
            var transcript = text.ToString().Trim();
            if (form.Value("response_format") == "text")
            {
                await response.WriteAsync(200, "text/plain", Encoding.UTF8.GetBytes(transcript));
                return;
            }

            await OpenAiReply.JsonAsync(response, new GoJsonWriter().StartObject().Property("text", transcript).EndObject());
        }
        catch (ApiException e) when (!response.HasStarted)
        {
            await OpenAiReply.HandlerErrorAsync(response, e);
        }
    }
}
