namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Reads the answers of an endpoint whose stream events carry their own <c>type</c> (Anthropic
/// Messages, OpenAI Responses): each event's data as it passes, or a whole non-streamed body.
/// </summary>
public interface IStreamEventReader
{
    /// <summary>Whether a generated token of any kind (text, thinking, reasoning, tool-call input) arrived.</summary>
    bool SawContent { get; }

    /// <summary>Whether the closing event (or a whole answer) was read.</summary>
    bool Done { get; }

    /// <summary>Null while the answer is fine; else <c>stream_error</c> or <c>malformed</c>.</summary>
    string? Failure { get; }

    long PromptTokens { get; }

    long GenerationTokens { get; }

    /// <summary>Ollama's <c>done_reason</c> as the answer tells it, when it does.</summary>
    string? DoneReason { get; }

    void ReadEvent(ReadOnlySpan<byte> data);

    void ReadBody(ReadOnlySpan<byte> body);

    /// <summary>The reader for an endpoint, or null when <see cref="OpenAiEventReader"/> or the native reader reads it.</summary>
    static IStreamEventReader? For(MeteredEndpoint endpoint) => endpoint switch
    {
        MeteredEndpoint.AnthropicMessages => new AnthropicEventReader(),
        MeteredEndpoint.OpenAiResponses => new ResponsesEventReader(),
        _ => null,
    };
}
