using System.Text.Json;

namespace OllamaOrleans.Protocol.Ollama;

/// <summary>
/// Reads a streamed <c>/api/generate</c> or <c>/api/chat</c> answer line by line (NDJSON): when the
/// first generated token arrived (content, thinking or a tool call), the final object's metrics
/// (durations in ns), and how the stream ended — done, an error line, an invalid line, or cut before
/// the final object.
/// </summary>
public sealed class GenerateStreamReader
{
    private bool hasQueueParts;

    public TimeSpan? FirstContent { get; private set; }

    public bool Done { get; private set; }

    /// <summary>Null while the stream is fine; else the outcome class it ended with.</summary>
    public string? Failure { get; private set; }

    public string? ErrorMessage { get; private set; }

    public string? DoneReason { get; private set; }

    public long PromptTokens { get; private set; }

    public long GenerationTokens { get; private set; }

    public double PromptEvalSeconds { get; private set; }

    public double GenerationSeconds { get; private set; }

    /// <summary>
    /// <c>load_duration</c>; null without a final object or when it has none: Ollama's load and unload
    /// replies (empty prompt) carry no metrics at all (server/routes.go GenerateHandler).
    /// </summary>
    public double? LoadSeconds { get; private set; }

    /// <summary>Ollama's own <c>total_duration</c>: from its handler's start to the final object.</summary>
    public double TotalSeconds { get; private set; }

    /// <summary>
    /// The time Ollama spent neither loading, evaluating the prompt nor generating: mostly waiting for a
    /// free parallel slot (reference §2.7). Null unless the final object has every part: total, load and
    /// prompt evaluation durations (an <c>/api/embed</c> answer has no <c>prompt_eval_duration</c>, so
    /// total − load there would be compute time, not waiting).
    /// </summary>
    public double? QueueWaitSeconds => Done && hasQueueParts ? Math.Max(0, TotalSeconds - LoadSeconds!.Value - PromptEvalSeconds - GenerationSeconds) : null;

    public bool Finished => Done || Failure is not null;

    public void Add(string line, TimeSpan elapsed)
    {
        if (Finished || string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Fail(RequestOutcomes.Malformed, "a stream line is not a JSON object");
                return;
            }

            if (root.TryGetProperty("error", out var error))
            {
                Fail(RequestOutcomes.StreamError, error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText());
                return;
            }

            if (FirstContent is null && HasContent(root))
            {
                FirstContent = elapsed;
            }

            if (root.TryGetProperty("done", out var done) && done.ValueKind == JsonValueKind.True)
            {
                ReadFinal(root);
                if (GenerationTokens > 0)
                {
                    FirstContent ??= elapsed;
                }
            }
        }
        catch (JsonException e)
        {
            Fail(RequestOutcomes.Malformed, e.Message);
        }
    }

    /// <summary>The stream ended: without a final object it was truncated.</summary>
    public void End()
    {
        if (!Finished)
        {
            Fail(RequestOutcomes.Truncated, "the stream ended before the final object");
        }
    }

    /// <summary>
    /// A generated token of any kind: <c>response</c>/<c>thinking</c> (generate), <c>message.content</c>,
    /// <c>message.thinking</c> or <c>message.tool_calls</c> (chat) — api/types.go GenerateResponse, Message.
    /// </summary>
    private static bool HasContent(JsonElement root) =>
        NonEmpty(root, "response") || NonEmpty(root, "thinking")
        || (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
            && (NonEmpty(message, "content") || NonEmpty(message, "thinking") || NonEmptyArray(message, "tool_calls")));

    private static bool NonEmpty(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;

    private static bool NonEmptyArray(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0;

    private void ReadFinal(JsonElement root)
    {
        Done = true;
        DoneReason = root.TryGetProperty("done_reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null;
        PromptTokens = Long(root, "prompt_eval_count");
        GenerationTokens = Long(root, "eval_count");
        PromptEvalSeconds = Long(root, "prompt_eval_duration") / 1e9;
        GenerationSeconds = Long(root, "eval_duration") / 1e9;
        LoadSeconds = root.TryGetProperty("load_duration", out _) ? Long(root, "load_duration") / 1e9 : null;
        TotalSeconds = Long(root, "total_duration") / 1e9;
        hasQueueParts = LoadSeconds is not null && root.TryGetProperty("total_duration", out _) && root.TryGetProperty("prompt_eval_duration", out _);
    }

    private static long Long(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;

    private void Fail(string outcome, string? message)
    {
        Failure = outcome;
        ErrorMessage = message;
    }
}
