using System.Text.RegularExpressions;

namespace OllamaOrleans.Protocol.Hosts;

/// <summary>
/// What a host name, URL and label must look like. Names end up in grain keys (no '/': model keys
/// split on the first one) and in label values; label keys become Prometheus label names.
/// </summary>
public static partial class HostRules
{
    public const int MaxNameLength = 128;
    public const int MaxLabels = 16;
    public const int MaxLabelKeyLength = 64;
    public const int MaxLabelValueLength = 256;

    /// <summary>Label keys the info series already uses.</summary>
    private static readonly HashSet<string> ReservedLabelKeys = new(StringComparer.Ordinal) { "host", "url" };

    public static string? CheckName(string name)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            return $"must be 1 to {MaxNameLength} characters long";
        }

        return NamePattern().IsMatch(name)
            ? null
            : "may hold only letters, digits and . _ - : [ ] (no '/', no spaces), starting with a letter, digit or '['";
    }

    /// <summary>The URL as an absolute http(s) URI, or the reason it is not one.</summary>
    public static (Uri? Url, string? Error) CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, "is empty; give the host's base URL, for example http://gpu-box-1:11434");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            return (null, "is not an absolute http:// or https:// URL, for example http://gpu-box-1:11434");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return (null, "carries credentials; Ollama takes none, and they would end up in labels and logs");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return (null, "has a query or fragment; give only the base URL");
        }

        return (uri, null);
    }

    /// <summary>The name of a host configured only by URL: <c>hostname:port</c>.</summary>
    public static string NameFromUrl(Uri url) => $"{url.Host}:{url.Port}";

    public static string? CheckLabel(string key, string value)
    {
        if (key.Length is 0 or > MaxLabelKeyLength || !LabelKeyPattern().IsMatch(key) || key.StartsWith("__", StringComparison.Ordinal))
        {
            return $"label key '{key}' must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __, at most {MaxLabelKeyLength} characters)";
        }

        if (ReservedLabelKeys.Contains(key))
        {
            return $"label key '{key}' is reserved";
        }

        if (value.Length > MaxLabelValueLength)
        {
            return $"label '{key}' has a value longer than {MaxLabelValueLength} characters";
        }

        // Control characters garble logs and terminals; a lone surrogate is not text and cannot be written as UTF-8.
        return value.Any(char.IsControl) || HasLoneSurrogate(value)
            ? $"label '{key}' has a value with control characters or invalid Unicode"
            : null;
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    // \z, not $: $ also matches before a final newline, which would let "gpu\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9\[][A-Za-z0-9._:\[\]-]*\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-zA-Z_][a-zA-Z0-9_]*\z")]
    private static partial Regex LabelKeyPattern();
}
