namespace OllamaSimulator.Models;

/// <summary>
/// Ollama's model reference <c>[host/][namespace/]model[:tag]</c> with its defaults
/// (<c>registry.ollama.ai</c>, <c>library</c>, <c>latest</c>); compared case-insensitively.
/// </summary>
internal readonly record struct ModelName(string Host, string Namespace, string Model, string Tag)
{
    public const string DefaultHost = "registry.ollama.ai";
    public const string DefaultNamespace = "library";
    public const string DefaultTag = "latest";

    public static ModelName Parse(string text)
    {
        var s = text;
        var at = s.LastIndexOf('@');
        if (at >= 0)
        {
            s = s[..at];
        }

        var tag = "";
        var colon = s.LastIndexOf(':');
        if (colon >= 0 && colon > s.LastIndexOf('/'))
        {
            tag = s[(colon + 1)..];
            s = s[..colon];
        }

        var parts = s.Split('/');
        var (host, ns, model) = parts.Length switch
        {
            1 => ("", "", parts[0]),
            2 => ("", parts[0], parts[1]),
            3 => (parts[0], parts[1], parts[2]),
            _ => (string.Join('/', parts[..^2]), parts[^2], parts[^1]),
        };

        return new ModelName(
            host.Length == 0 ? DefaultHost : host,
            ns.Length == 0 ? DefaultNamespace : ns,
            model,
            tag.Length == 0 ? DefaultTag : tag);
    }

    /// <summary>Go's <c>Name.IsValid</c>: every part present and made of the allowed characters.</summary>
    public bool IsValid =>
        IsValidPart(Host, 350, allowDot: true, allowColon: true)
        && IsValidPart(Namespace, 80, allowDot: false, allowColon: false)
        && IsValidPart(Model, 80, allowDot: true, allowColon: false)
        && IsValidPart(Tag, 80, allowDot: true, allowColon: false);

    /// <summary>Cloud models (tag <c>cloud</c> or <c>*-cloud</c>) are proxied to ollama.com, never run locally.</summary>
    public bool IsCloud =>
        Tag.Equals("cloud", StringComparison.OrdinalIgnoreCase) || Tag.EndsWith("-cloud", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shortest display form listing endpoints use, tag always present.</summary>
    public string DisplayShortest
    {
        get
        {
            if (!Host.Equals(DefaultHost, StringComparison.OrdinalIgnoreCase))
            {
                return $"{Host}/{Namespace}/{Model}:{Tag}";
            }

            return Namespace.Equals(DefaultNamespace, StringComparison.OrdinalIgnoreCase)
                ? $"{Model}:{Tag}"
                : $"{Namespace}/{Model}:{Tag}";
        }
    }

    public string FullName => $"{Host}/{Namespace}/{Model}:{Tag}";

    /// <summary>Identity for lookups: names differing only in case are the same model.</summary>
    public string Key => FullName.ToLowerInvariant();

    private static bool IsValidPart(string part, int maxLength, bool allowDot, bool allowColon)
    {
        if (part.Length == 0 || part.Length > maxLength || !IsAlphanumericOrUnderscore(part[0]))
        {
            return false;
        }

        foreach (var c in part.AsSpan(1))
        {
            var ok = c is '_' or '-' || IsAlphanumericOrUnderscore(c) || (c == '.' && allowDot) || (c == ':' && allowColon);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlphanumericOrUnderscore(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
