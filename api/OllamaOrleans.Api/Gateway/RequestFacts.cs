namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// What the gateway learned from a request body: the model, whether the answer streams, and the body
/// to forward (rewritten when the gateway asked an OpenAI stream for its usage, which it then strips
/// before the client sees it).
/// </summary>
public sealed record RequestFacts(MeteredEndpoint Endpoint, string? Model, bool Stream, bool StripUsage, ReadOnlyMemory<byte> Body);
