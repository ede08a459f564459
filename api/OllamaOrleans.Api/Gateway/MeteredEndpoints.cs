namespace OllamaOrleans.Api.Gateway;

public static class MeteredEndpoints
{
    /// <summary>Which endpoint a request targets (path relative to Ollama's root, e.g. <c>/api/chat</c>).</summary>
    public static MeteredEndpoint Classify(string method, string path)
    {
        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return MeteredEndpoint.None;
        }

        return path.TrimEnd('/') switch
        {
            "/api/generate" => MeteredEndpoint.Generate,
            "/api/chat" => MeteredEndpoint.Chat,
            "/api/embed" => MeteredEndpoint.Embed,
            "/api/embeddings" => MeteredEndpoint.Embeddings,
            "/v1/chat/completions" => MeteredEndpoint.OpenAiChat,
            "/v1/completions" => MeteredEndpoint.OpenAiCompletions,
            "/v1/embeddings" => MeteredEndpoint.OpenAiEmbeddings,
            "/v1/responses" => MeteredEndpoint.OpenAiResponses,
            "/v1/messages" => MeteredEndpoint.AnthropicMessages,
            "/v1/audio/transcriptions" => MeteredEndpoint.AudioTranscriptions,
            _ => MeteredEndpoint.None,
        };
    }

    /// <summary>The <c>endpoint</c> label: the original exporter's "generate", or the OpenAI path.</summary>
    public static string Label(this MeteredEndpoint endpoint) => endpoint switch
    {
        MeteredEndpoint.Generate => "generate",
        MeteredEndpoint.Chat => "chat",
        MeteredEndpoint.Embed => "embed",
        MeteredEndpoint.Embeddings => "embeddings",
        MeteredEndpoint.OpenAiChat => "v1/chat/completions",
        MeteredEndpoint.OpenAiCompletions => "v1/completions",
        MeteredEndpoint.OpenAiEmbeddings => "v1/embeddings",
        MeteredEndpoint.OpenAiResponses => "v1/responses",
        MeteredEndpoint.AnthropicMessages => "v1/messages",
        MeteredEndpoint.AudioTranscriptions => "v1/audio/transcriptions",
        _ => "other",
    };

    /// <summary>Chat, completions and embeddings: answers read by <see cref="OpenAiEventReader"/>.</summary>
    public static bool IsOpenAi(this MeteredEndpoint endpoint) =>
        endpoint is MeteredEndpoint.OpenAiChat or MeteredEndpoint.OpenAiCompletions or MeteredEndpoint.OpenAiEmbeddings;

    /// <summary>Whether Ollama answers this endpoint's errors in OpenAI's envelope (<c>{"error":{"message",…}}</c>).</summary>
    public static bool HasOpenAiErrors(this MeteredEndpoint endpoint) =>
        endpoint.IsOpenAi() || endpoint is MeteredEndpoint.OpenAiResponses or MeteredEndpoint.AudioTranscriptions;

    /// <summary>Whether a request without <c>"stream"</c> streams: Ollama's native generate and chat do.</summary>
    public static bool StreamsByDefault(this MeteredEndpoint endpoint) =>
        endpoint is MeteredEndpoint.Generate or MeteredEndpoint.Chat;
}
