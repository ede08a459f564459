using System.Buffers;
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
        Raw(Format(value));
        Raw("\n");
    }

    public void Value(long value)
    {
        CloseLabels();
        Span<char> digits = stackalloc char[24];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        Raw(digits[..written]);
        Raw("\n");
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
