using System.Globalization;

namespace OllamaSimulator.Json;

/// <summary>Go's <c>time.RFC3339Nano</c>: fraction without trailing zeros, <c>Z</c> for a zero offset.</summary>
internal static class GoTime
{
    public static string Format(DateTimeOffset instant)
    {
        var text = instant.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = (instant.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        if (fraction.Length > 0)
        {
            text += "." + fraction;
        }

        if (instant.Offset == TimeSpan.Zero)
        {
            return text + "Z";
        }

        var offset = instant.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        return text + string.Create(CultureInfo.InvariantCulture, $"{sign}{offset.Hours:00}:{offset.Minutes:00}");
    }

    /// <summary>In the server's local zone, as Ollama writes <c>expires_at</c> and <c>modified_at</c>.</summary>
    public static string FormatLocal(DateTimeOffset instant, TimeProvider timeProvider) =>
        Format(TimeZoneInfo.ConvertTime(instant, timeProvider.LocalTimeZone));

    /// <summary>In UTC, as Ollama writes <c>created_at</c>.</summary>
    public static string FormatUtc(DateTimeOffset instant) => Format(instant.ToUniversalTime());
}
