using System.Text.Json;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Reads Ollama's Anthropic Messages answers (anthropic/anthropic.go): <c>message_start</c>,
/// <c>content_block_*</c>, <c>message_delta</c> (the final usage and <c>stop_reason</c>),
/// <c>message_stop</c>, or <c>error</c>; a non-streamed answer is one <c>message</c> object.
/// </summary>
public sealed class AnthropicEventReader : IStreamEventReader
{
    public bool SawContent { get; private set; }

    public bool Done { get; private set; }

    public string? Failure { get; private set; }

    public long PromptTokens { get; private set; }

    public long GenerationTokens { get; private set; }

    public string? DoneReason { get; private set; }

    public void ReadEvent(ReadOnlySpan<byte> data)
    {
        using var document = JsonFields.ParseObject(data, out var failure);
        if (document is null)
        {
            Failure ??= failure;
            return;
        }

        var root = document.RootElement;
        switch (JsonFields.String(root, "type"))
        {
            case "error":
                Failure ??= RequestOutcomes.StreamError;
                break;
            case "message_start":
                // An estimate (len/4 of the request) until message_delta brings the counted tokens.
                ReadUsage(JsonFields.Object(JsonFields.Object(root, "message"), "usage"));
                break;
            case "content_block_delta":
                var delta = JsonFields.Object(root, "delta");
                SawContent |= JsonFields.NonEmpty(delta, "text") || JsonFields.NonEmpty(delta, "thinking") || JsonFields.NonEmpty(delta, "partial_json");
                break;
            case "message_delta":
                ReadUsage(JsonFields.Object(root, "usage"));
                DoneReason = OllamaReason(JsonFields.String(JsonFields.Object(root, "delta"), "stop_reason"));
                break;
            case "message_stop":
                Done = true;
                break;
        }
    }

    public void ReadBody(ReadOnlySpan<byte> body)
    {
        using var document = JsonFields.ParseObject(body, out var failure);
        if (document is null)
        {
            Failure ??= failure;
            return;
        }

        ReadUsage(JsonFields.Object(document.RootElement, "usage"));
        DoneReason = OllamaReason(JsonFields.String(document.RootElement, "stop_reason"));
        Done = true;
    }

    /// <summary>
    /// Back to the native <c>done_reason</c> (Ollama's <c>mapStopReason</c> the other way round), so the
    /// done-reason series means the same for every endpoint: a tool call ends with <c>stop</c> natively.
    /// </summary>
    public static string? OllamaReason(string? stopReason) => stopReason switch
    {
        null or "" => null,
        "end_turn" or "tool_use" => "stop",
        "max_tokens" => "length",
        _ => stopReason,
    };

    private void ReadUsage(JsonElement usage)
    {
        if (usage.ValueKind == JsonValueKind.Object)
        {
            PromptTokens = JsonFields.Long(usage, "input_tokens");
            GenerationTokens = JsonFields.Long(usage, "output_tokens");
        }
    }
}
