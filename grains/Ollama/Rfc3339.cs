using System.Globalization;

namespace OllamaOrleans.Grains.Ollama;

/// <summary>
/// Go writes RFC 3339 timestamps with up to nine fraction digits and any offset; .NET parses at most
/// seven. Go's zero time (<c>0001-01-01T00:00:00Z</c>, sent by old servers) means "none".
/// </summary>
public static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = TrimFraction(text.Trim());
        if (!DateTimeOffset.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return null;
        }

        return value.Year <= 1 ? null : value;
    }

    /// <summary>Cuts the fraction of seconds to seven digits (100 ns, .NET's resolution).</summary>
    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var digits = end - dot - 1;
        return digits <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }
}
