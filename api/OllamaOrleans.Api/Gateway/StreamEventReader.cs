using System.Text.Json;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Reads the answers of an endpoint whose stream events carry their own <c>type</c> (Anthropic
/// Messages, OpenAI Responses): each event's data as it passes, or a whole non-streamed body. Both
/// count tokens as <c>input_tokens</c> and <c>output_tokens</c> of a <c>usage</c> object.
/// </summary>
public abstract class StreamEventReader
{
    /// <summary>Whether a generated token of any kind (text, thinking, reasoning, tool-call input) arrived.</summary>
    public bool SawContent { get; protected set; }

    /// <summary>Whether the closing event (or a whole answer) was read.</summary>
    public bool Done { get; protected set; }

    /// <summary>Null while the answer is fine; else <c>stream_error</c> or <c>malformed</c>.</summary>
    public string? Failure { get; protected set; }

    public long PromptTokens { get; private set; }

    public long GenerationTokens { get; private set; }

    /// <summary>Ollama's <c>done_reason</c> as the answer tells it, when it does.</summary>
    public string? DoneReason { get; protected set; }

    /// <summary>The reader for an endpoint, or null when <see cref="OpenAiEventReader"/> or the native reader reads it.</summary>
    public static StreamEventReader? For(MeteredEndpoint endpoint) => endpoint switch
    {
        MeteredEndpoint.AnthropicMessages => new AnthropicEventReader(),
        MeteredEndpoint.OpenAiResponses => new ResponsesEventReader(),
        _ => null,
    };

    public void ReadEvent(ReadOnlySpan<byte> data)
    {
        using var document = JsonFields.ParseObject(data, out var failure);
        if (document is null)
        {
            Failure ??= failure;
            return;
        }

        OnEvent(JsonFields.String(document.RootElement, "type"), document.RootElement);
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
        OnAnswer(document.RootElement);
        Done = true;
    }

    /// <summary>One event, by its <c>type</c>.</summary>
    protected abstract void OnEvent(string? type, JsonElement root);

    /// <summary>What a whole answer tells beyond its usage.</summary>
    protected virtual void OnAnswer(JsonElement root)
    {
    }

    protected void ReadUsage(JsonElement usage)
    {
        if (usage.ValueKind == JsonValueKind.Object)
        {
            PromptTokens = JsonFields.Long(usage, "input_tokens");
            GenerationTokens = JsonFields.Long(usage, "output_tokens");
        }
    }
}
