namespace OllamaSimulator.Http;

/// <summary>One parsed HTTP/1.x request, body already read in full.</summary>
internal sealed class HttpRequest
{
    public required string Method { get; init; }

    /// <summary>The path as sent, still percent-encoded (route parameters are decoded per segment).</summary>
    public required string RawPath { get; init; }

    public string Query { get; init; } = "";

    public required bool IsHttp10 { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>The decoded path, which is what the router matches on (as gin does by default).</summary>
    public string Path => Uri.UnescapeDataString(RawPath);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it.</summary>
    public bool WantsKeepAlive
    {
        get
        {
            var connection = Header("Connection") ?? "";
            var tokens = connection.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Contains("close", StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            return !IsHttp10 || tokens.Contains("keep-alive", StringComparer.OrdinalIgnoreCase);
        }
    }
}
