using System.Text.Json;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Reads Ollama's Anthropic Messages answers (anthropic/anthropic.go): <c>message_start</c>,
/// <c>content_block_*</c>, <c>message_delta</c> (the final usage and <c>stop_reason</c>),
/// <c>message_stop</c>, or <c>error</c>; a non-streamed answer is one <c>message</c> object.
/// </summary>
public sealed class AnthropicEventReader : StreamEventReader
{
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

    protected override void OnEvent(string? type, JsonElement root)
    {
        switch (type)
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

    protected override void OnAnswer(JsonElement root) => DoneReason = OllamaReason(JsonFields.String(root, "stop_reason"));
}
