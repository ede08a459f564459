using System.Text.Json;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Reads the JSON of OpenAI-compatible answers: streamed chunks (content, usage, errors) and whole
/// non-streamed bodies (usage).
/// </summary>
public sealed class OpenAiEventReader
{
    public bool SawContent { get; private set; }

    public bool Done { get; private set; }

    public string? Failure { get; private set; }

    public long PromptTokens { get; private set; }

    public long CompletionTokens { get; private set; }

    /// <summary>Reads one event's data; returns whether it is a usage-only chunk (no choices).</summary>
    public bool ReadEvent(ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8))
        {
            Done = true;
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(data.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Failure ??= RequestOutcomes.Malformed;
                return false;
            }

            if (root.TryGetProperty("error", out _))
            {
                Failure ??= RequestOutcomes.StreamError;
                return false;
            }

            ReadUsage(root);
            var choices = root.TryGetProperty("choices", out var c) && c.ValueKind == JsonValueKind.Array ? c : default;
            if (choices.ValueKind == JsonValueKind.Array && choices.EnumerateArray().Any(HasContent))
            {
                SawContent = true;
            }

            return root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
                && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() == 0;
        }
        catch (JsonException)
        {
            Failure ??= RequestOutcomes.Malformed;
            return false;
        }
    }

    /// <summary>Reads a whole non-streamed answer.</summary>
    public void ReadBody(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                ReadUsage(document.RootElement);
                Done = true;
            }
        }
        catch (JsonException)
        {
            Failure ??= RequestOutcomes.Malformed;
        }
    }

    private void ReadUsage(JsonElement root)
    {
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            PromptTokens = Long(usage, "prompt_tokens");
            CompletionTokens = Long(usage, "completion_tokens");
        }
    }

    /// <summary>
    /// A generated token of any kind: <c>delta.content</c>, <c>delta.reasoning</c> (thinking) or
    /// <c>delta.tool_calls</c> (chat, openai/openai.go Delta), <c>text</c> (completions).
    /// </summary>
    private static bool HasContent(JsonElement choice) =>
        (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object
            && (NonEmpty(delta, "content") || NonEmpty(delta, "reasoning") || NonEmptyArray(delta, "tool_calls")))
        || NonEmpty(choice, "text");

    private static bool NonEmpty(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;

    private static bool NonEmptyArray(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0;

    private static long Long(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;
}
