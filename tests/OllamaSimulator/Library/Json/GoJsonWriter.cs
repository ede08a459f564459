using System.Globalization;
using System.Text;

namespace OllamaSimulator.Json;

/// <summary>
/// Writes JSON the way Go's encoding/json does: fields in the order written, no whitespace,
/// <c>&lt; &gt; &amp;</c> and U+2028/U+2029 escaped with lowercase hex, floats in Go's shortest form.
/// </summary>
internal sealed class GoJsonWriter
{
    private readonly StringBuilder text = new();
    private bool needsComma;

    public GoJsonWriter StartObject() => Open('{');

    public GoJsonWriter EndObject() => Close('}');

    public GoJsonWriter StartArray() => Open('[');

    public GoJsonWriter EndArray() => Close(']');

    public GoJsonWriter Name(string name)
    {
        Separate();
        AppendString(text, name);
        text.Append(':');
        needsComma = false;
        return this;
    }

    public GoJsonWriter String(string value) => Value(sb => AppendString(sb, value));

    public GoJsonWriter Number(long value) => Value(sb => sb.Append(value.ToString(CultureInfo.InvariantCulture)));

    public GoJsonWriter Number(double value) => Value(sb => sb.Append(GoFloat.Format(value, single: false)));

    public GoJsonWriter Float32(float value) => Value(sb => sb.Append(GoFloat.Format(value, single: true)));

    public GoJsonWriter Bool(bool value) => Value(sb => sb.Append(value ? "true" : "false"));

    public GoJsonWriter Null() => Value(sb => sb.Append("null"));

    /// <summary>Inserts already-encoded JSON as one value.</summary>
    public GoJsonWriter Raw(string json) => Value(sb => sb.Append(json));

    public GoJsonWriter Property(string name, string value) => Name(name).String(value);

    public GoJsonWriter Property(string name, long value) => Name(name).Number(value);

    public GoJsonWriter Property(string name, bool value) => Name(name).Bool(value);

    /// <summary>Go's <c>omitempty</c> for strings.</summary>
    public GoJsonWriter PropertyIfNotEmpty(string name, string? value) =>
        string.IsNullOrEmpty(value) ? this : Property(name, value);

    /// <summary>Go's <c>omitempty</c> for numbers.</summary>
    public GoJsonWriter PropertyIfNotZero(string name, long value) => value == 0 ? this : Property(name, value);

    public GoJsonWriter StringArray(IEnumerable<string> values)
    {
        StartArray();
        foreach (var value in values)
        {
            String(value);
        }

        return EndArray();
    }

    public override string ToString() => text.ToString();

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(text.ToString());

    /// <summary>Go's string escaping: short escapes for \b \f \n \r \t, \u00XX for other controls.</summary>
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }

    private GoJsonWriter Open(char bracket)
    {
        Separate();
        text.Append(bracket);
        needsComma = false;
        return this;
    }

    private GoJsonWriter Close(char bracket)
    {
        text.Append(bracket);
        needsComma = true;
        return this;
    }

    private GoJsonWriter Value(Action<StringBuilder> write)
    {
        Separate();
        write(text);
        needsComma = true;
        return this;
    }

    private void Separate()
    {
        if (needsComma)
        {
            text.Append(',');
        }
    }
}
