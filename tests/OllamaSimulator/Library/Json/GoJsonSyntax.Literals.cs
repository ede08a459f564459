using System.Globalization;

namespace OllamaSimulator.Json;

/// <summary>The literal scanners: strings, numbers and true/false/null, with Go scanner.go's error contexts.</summary>
internal static partial class GoJsonSyntax
{
    private static string? ScanString(ReadOnlySpan<byte> data, ref int pos)
    {
        pos++;
        while (pos < data.Length)
        {
            var c = data[pos++];
            if (c == '"')
            {
                return null;
            }

            if (c < 0x20)
            {
                return Invalid(c, "in string literal");
            }

            if (c != '\\')
            {
                continue;
            }

            if (pos == data.Length)
            {
                break;
            }

            var escape = data[pos++];
            if (escape == 'u')
            {
                for (var i = 0; i < 4; i++, pos++)
                {
                    if (pos == data.Length)
                    {
                        return "unexpected EOF";
                    }

                    if (!Uri.IsHexDigit((char)data[pos]))
                    {
                        return Invalid(data[pos], "in \\u hexadecimal character escape");
                    }
                }
            }
            else if (escape is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
            {
                return Invalid(escape, "in string escape code");
            }
        }

        return "unexpected EOF";
    }

    private static string? ScanNumber(ReadOnlySpan<byte> data, ref int pos)
    {
        if (data[pos] == '-')
        {
            pos++;
            if (pos == data.Length)
            {
                return "unexpected EOF";
            }

            if (!IsDigit(data[pos]))
            {
                return Invalid(data[pos], "in numeric literal");
            }
        }

        // A leading zero stands alone; "01" ends the number after the 0, as in Go.
        if (data[pos] == '0')
        {
            pos++;
        }
        else
        {
            SkipDigits(data, ref pos);
        }

        if (pos < data.Length && data[pos] == '.')
        {
            pos++;
            if (pos == data.Length)
            {
                return "unexpected EOF";
            }

            if (!IsDigit(data[pos]))
            {
                return Invalid(data[pos], "after decimal point in numeric literal");
            }

            SkipDigits(data, ref pos);
        }

        if (pos < data.Length && data[pos] is (byte)'e' or (byte)'E')
        {
            pos++;
            if (pos < data.Length && data[pos] is (byte)'+' or (byte)'-')
            {
                pos++;
            }

            if (pos == data.Length)
            {
                return "unexpected EOF";
            }

            if (!IsDigit(data[pos]))
            {
                return Invalid(data[pos], "in exponent of numeric literal");
            }

            SkipDigits(data, ref pos);
        }

        return null;
    }

    private static string? ScanLiteral(ReadOnlySpan<byte> data, ref int pos, string literal)
    {
        for (var i = 0; i < literal.Length; i++, pos++)
        {
            if (pos == data.Length)
            {
                return "unexpected EOF";
            }

            if (data[pos] != literal[i])
            {
                return Invalid(data[pos], string.Create(CultureInfo.InvariantCulture, $"in literal {literal} (expecting '{literal[i]}')"));
            }
        }

        return null;
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

    private static void SkipDigits(ReadOnlySpan<byte> data, ref int pos)
    {
        while (pos < data.Length && IsDigit(data[pos]))
        {
            pos++;
        }
    }
}
