using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// Writes the Prometheus text exposition format (0.0.4) as UTF-8 into a buffer writer, escaping label
/// values (backslash, double quote, newline) and HELP text as the format requires, so any model name
/// yields a valid exposition.
/// </summary>
public sealed class PrometheusTextWriter(IBufferWriter<byte> output)
{
    private static readonly SearchValues<char> NeedEscape = SearchValues.Create("\\\n\"");

    private bool firstLabel;

    public void Family(string name, string type, string help)
    {
        Raw("# HELP ");
        Raw(name);
        Raw(" ");
        Escaped(help, escapeQuotes: false);
        Raw("\n# TYPE ");
        Raw(name);
        Raw(" ");
        Raw(type);
        Raw("\n");
    }

    public PrometheusTextWriter Sample(string name)
    {
        Raw(name);
        firstLabel = true;
        return this;
    }

    /// <summary>A sample whose name is <paramref name="name"/> followed by <paramref name="suffix"/> (<c>_bucket</c>), without concatenating them.</summary>
    public PrometheusTextWriter Sample(string name, string suffix)
    {
        Sample(name);
        Raw(suffix);
        return this;
    }

    /// <summary>Labels already rendered by <see cref="EncodeLabels"/>, so a label set repeated on many lines is escaped and encoded once.</summary>
    public PrometheusTextWriter Labels(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            return this;
        }

        Raw(firstLabel ? "{"u8 : ","u8);
        firstLabel = false;
        Raw(encoded);
        return this;
    }

    /// <summary>Renders <c>key="value",...</c> (escaped, UTF-8) for <see cref="Labels(ReadOnlySpan{byte})"/>.</summary>
    public static byte[] EncodeLabels(ReadOnlySpan<(string Key, string Value)> labels)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var w = new PrometheusTextWriter(buffer);
        foreach (var (key, value) in labels)
        {
            w.Label(key, value);
        }

        return buffer.WrittenSpan.Length == 0 ? [] : buffer.WrittenSpan[1..].ToArray();
    }

    public PrometheusTextWriter Label(string key, string value)
    {
        Raw(firstLabel ? "{" : ",");
        firstLabel = false;
        Raw(key);
        Raw("=\"");
        Escaped(value, escapeQuotes: true);
        Raw("\"");
        return this;
    }

    public void Value(double value)
    {
        CloseLabels();
        if (double.IsFinite(value))
        {
            // The same text as Format's ToString("R"), without a string per sample.
            Span<char> digits = stackalloc char[32];
            value.TryFormat(digits, out var written, "R", CultureInfo.InvariantCulture);
            Raw(digits[..written]);
        }
        else
        {
            Raw(Format(value));
        }

        Raw("\n");
    }

    public void Value(long value)
    {
        CloseLabels();
        var span = output.GetSpan(24);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
        Raw("\n"u8);
    }

    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private void CloseLabels()
    {
        Raw(firstLabel ? " " : "} ");
        firstLabel = true;
    }

    private void Escaped(string text, bool escapeQuotes)
    {
        if (!text.AsSpan().ContainsAny(NeedEscape))
        {
            Raw(text);
            return;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = text[i] switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '"' when escapeQuotes => "\\\"",
                _ => null,
            };
            if (escape is null)
            {
                continue;
            }

            Raw(text.AsSpan(start, i - start));
            Raw(escape);
            start = i + 1;
        }

        Raw(text.AsSpan(start));
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    private void Raw(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        output.Advance(written);
    }
}
