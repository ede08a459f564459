namespace OllamaOrleans.Protocol.Ollama;

/// <summary>
/// Ollama model names: <c>[host/][namespace/]model[:tag]</c>, the tag defaulting to <c>latest</c> and
/// matching being case-insensitive. Listings show <c>llama3.2:latest</c>, inference echoes what the
/// client sent (<c>llama3.2</c>), so every comparison goes through <see cref="Canonical"/>.
/// </summary>
public static class ModelName
{
    /// <summary>Trims and appends <c>:latest</c> when the last path segment carries no tag.</summary>
    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        var lastSlash = trimmed.LastIndexOf('/');
        var lastColon = trimmed.LastIndexOf(':');
        return lastColon > lastSlash ? trimmed : trimmed + ":latest";
    }

    /// <summary>The form used for keys and comparisons: normalised and lower-cased.</summary>
    public static string Canonical(string name) => Normalize(name).ToLowerInvariant();

    /// <summary>Cloud models (tag <c>cloud</c> or ending in <c>-cloud</c>) are proxied to ollama.com.</summary>
    public static bool IsCloud(string name)
    {
        var normalized = Normalize(name);
        var lastSlash = normalized.LastIndexOf('/');
        var lastColon = normalized.LastIndexOf(':');
        if (lastColon <= lastSlash)
        {
            return false;
        }

        var tag = normalized[(lastColon + 1)..];
        return tag.Equals("cloud", StringComparison.OrdinalIgnoreCase)
            || tag.EndsWith("-cloud", StringComparison.OrdinalIgnoreCase);
    }
}
