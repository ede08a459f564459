namespace OllamaOrleans.Api.Gateway;

/// <summary>The inference endpoints the gateway measures; everything else is passed through and counted.</summary>
public enum MeteredEndpoint
{
    None,
    Generate,
    Chat,
    Embed,
    Embeddings,
    OpenAiChat,
    OpenAiCompletions,
    OpenAiEmbeddings,
    OpenAiResponses,
    AnthropicMessages,
    AudioTranscriptions,
}
