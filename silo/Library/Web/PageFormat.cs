using System.Globalization;

namespace OllamaOrleans.Silo.Web;

/// <summary>Numbers as people read them on the fleet page: binary byte units, ages, latencies, counts.</summary>
public static class PageFormat
{
    private static readonly string[] ByteUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Bytes(long bytes)
    {
        if (bytes < 1024)
        {
            return Invariant($"{bytes} B");
        }

        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < ByteUnits.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return Invariant($"{value:0.0} {ByteUnits[unit]}");
    }

    /// <summary>How long ago, in the largest unit that keeps it readable.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var age = now - at;
        return age.TotalSeconds switch
        {
            < 1 => "just now",
            < 90 => Invariant($"{(int)age.TotalSeconds} s ago"),
            < 90 * 60 => Invariant($"{(int)age.TotalMinutes} min ago"),
            < 48 * 3600 => Invariant($"{(int)age.TotalHours} h ago"),
            _ => Invariant($"{(int)age.TotalDays} d ago"),
        };
    }

    /// <summary>A latency: milliseconds below a second, else seconds; a dash when there is none.</summary>
    public static string Seconds(double? seconds) => seconds switch
    {
        null => "–",
        < 1 => Invariant($"{seconds.Value * 1000:0} ms"),
        _ => Invariant($"{seconds.Value:0.00} s"),
    };

    public static string Rate(double? perSecond) => perSecond is { } v ? Invariant($"{v:0.0}") : "–";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
