using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OllamaSimulator.Json;

/// <summary>Go's <c>time.ParseDuration</c> and Ollama's <c>keep_alive</c> decoding (<c>api.Duration</c>).</summary>
internal static class GoDuration
{
    /// <summary><c>math.MaxInt64</c> nanoseconds, what Ollama uses for "forever" (~292 years).</summary>
    public static readonly TimeSpan Forever = TimeSpan.FromTicks(long.MaxValue / 100);

    private static readonly Dictionary<string, decimal> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1m,
        ["us"] = 1_000m,
        ["\u00b5s"] = 1_000m,
        ["\u03bcs"] = 1_000m,
        ["ms"] = 1_000_000m,
        ["s"] = 1_000_000_000m,
        ["m"] = 60_000_000_000m,
        ["h"] = 3_600_000_000_000m,
    };

    /// <summary>Parses like Go; the result is in nanoseconds, or an error with Go's wording.</summary>
    public static bool TryParse(string text, out long nanoseconds, out string? error)
    {
        nanoseconds = 0;
        error = null;
        var s = text;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return Fail($"time: invalid duration {GoQuote.Quote(text)}", out error);
        }

        decimal total = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                return Fail($"time: invalid duration {GoQuote.Quote(text)}", out error);
            }

            var digits = TakeWhile(ref s, char.IsAsciiDigit);
            var fraction = "";
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                fraction = TakeWhile(ref s, char.IsAsciiDigit);
            }

            if (digits.Length == 0 && fraction.Length == 0)
            {
                return Fail($"time: invalid duration {GoQuote.Quote(text)}", out error);
            }

            var unit = TakeWhile(ref s, c => c != '.' && !char.IsAsciiDigit(c));
            if (unit.Length == 0)
            {
                return Fail($"time: missing unit in duration {GoQuote.Quote(text)}", out error);
            }

            if (!Units.TryGetValue(unit, out var scale))
            {
                return Fail($"time: unknown unit {GoQuote.Quote(unit)} in duration {GoQuote.Quote(text)}", out error);
            }

            if (digits.Length > 19 || !decimal.TryParse($"{(digits.Length == 0 ? "0" : digits)}.{(fraction.Length == 0 ? "0" : fraction)}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return Fail($"time: invalid duration {GoQuote.Quote(text)}", out error);
            }

            if (amount > (long.MaxValue / scale) + 1)
            {
                return Fail($"time: invalid duration {GoQuote.Quote(text)}", out error);
            }

            // Go truncates the fractional nanoseconds of each component.
            total += decimal.Truncate(amount * scale);
            if (total > long.MaxValue + (negative ? 1m : 0m))
            {
                return Fail($"time: invalid duration {GoQuote.Quote(text)}", out error);
            }
        }

        nanoseconds = negative ? (long)-total : (long)total;
        return true;
    }

    /// <summary>
    /// Decodes a <c>keep_alive</c> JSON value: number = seconds, string = Go duration, negative = forever.
    /// Returns null for JSON null; <paramref name="error"/> carries Ollama's 400 text for anything else.
    /// </summary>
    public static TimeSpan? ReadKeepAlive(JsonElement value, out string? error)
    {
        error = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                var seconds = value.GetDouble();
                return seconds < 0 ? Forever : FromNanoseconds(seconds * 1e9);
            case JsonValueKind.String:
                if (!TryParse(value.GetString()!, out var ns, out error))
                {
                    return null;
                }

                return ns < 0 ? Forever : FromNanoseconds(ns);
            default:
                error = $"Unsupported type: '{GoAnyTypeName(value.ValueKind)}'";
                return null;
        }
    }

    /// <summary>Formats like Go's <c>Duration.String</c> for the whole units the simulator shows (e.g. <c>5m0s</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        if (duration.Ticks >= TimeSpan.TicksPerHour)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(long)duration.TotalHours}h");
        }

        if (duration.Ticks >= TimeSpan.TicksPerMinute)
        {
            text.Append(CultureInfo.InvariantCulture, $"{duration.Minutes}m");
        }

        var seconds = duration.Seconds + (duration.Ticks % TimeSpan.TicksPerSecond / (double)TimeSpan.TicksPerSecond);
        text.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('s');
        return text.ToString();
    }

    public static string GoAnyTypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "[]interface {}",
        JsonValueKind.Object => "map[string]interface {}",
        JsonValueKind.Number => "float64",
        JsonValueKind.String => "string",
        _ => "%!s(<nil>)",
    };

    private static TimeSpan FromNanoseconds(double ns) =>
        ns >= long.MaxValue ? Forever : TimeSpan.FromTicks((long)(ns / 100));

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }

    private static string TakeWhile(ref string s, Func<char, bool> predicate)
    {
        var i = 0;
        while (i < s.Length && predicate(s[i]))
        {
            i++;
        }

        var taken = s[..i];
        s = s[i..];
        return taken;
    }
}
