namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// Carries a host's Ollama URL in the request context to the placement director, which sees only
/// the grain id (the host's name) otherwise. The fleet grain sets it when it starts a host grain.
/// </summary>
public static class HostUrlContext
{
    public const string Key = "ollama-orleans.host-url";

    /// <summary>
    /// Sets the URL for the calls that follow in the current async flow. Call it inside an async
    /// method: the change then ends with that method and never leaks into the caller's later calls.
    /// </summary>
    public static void Set(string url) => RequestContext.Set(Key, url);

    public static string? From(IReadOnlyDictionary<string, object>? requestContextData) =>
        requestContextData is not null && requestContextData.TryGetValue(Key, out var value) ? value as string : null;
}
