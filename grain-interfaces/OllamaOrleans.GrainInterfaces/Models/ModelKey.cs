namespace OllamaOrleans.GrainInterfaces.Models;

/// <summary>
/// Grain keys of model grains: <c>host/model</c>. Model names contain '/' themselves
/// (<c>user/model:tag</c>), host names never do, so the key splits on the first '/' only.
/// </summary>
public static class ModelKey
{
    public static string For(string host, string canonicalModel)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(canonicalModel);
        if (host.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Host name '{host}' contains '/'.", nameof(host));
        }

        return string.Concat(host, "/", canonicalModel);
    }

    public static (string Host, string Model) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a model key of the form host/model.");
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
