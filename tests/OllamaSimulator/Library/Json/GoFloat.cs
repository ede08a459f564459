using System.Globalization;

namespace OllamaSimulator.Json;

/// <summary>
/// Go's encoding/json float format: the shortest digits that round-trip at the value's precision,
/// plain decimal notation for 1e-6 &lt;= |x| &lt; 1e21, otherwise exponent form such as <c>1e-7</c>.
/// </summary>
internal static class GoFloat
{
    public static string Format(double value, bool single)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "JSON has no NaN or infinity.");
        }

        var shortest = single
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        var (negative, digits, exponent) = Decompose(shortest);
        if (digits == "0")
        {
            return negative ? "-0" : "0";
        }

        var abs = Math.Abs(value);
        // Go compares at the value's own precision: float32(1e-6) is not below 1e-6 there.
        var plain = single ? (float)abs >= 1e-6f && (float)abs < 1e21f : abs >= 1e-6 && abs < 1e21;
        var body = plain ? Plain(digits, exponent) : Scientific(digits, exponent);
        return negative ? "-" + body : body;
    }

    /// <summary>Splits a number into its significant digits and the power of ten of the first digit.</summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(string number)
    {
        var negative = number.StartsWith('-');
        if (negative)
        {
            number = number[1..];
        }

        var exponent = 0;
        var e = number.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(number[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            number = number[..e];
        }

        var dot = number.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? number : number[..dot];
        var fraction = dot < 0 ? "" : number[(dot + 1)..];
        var all = integerPart + fraction;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        if (digits.Length == 0)
        {
            return (negative, "0", 0);
        }

        return (negative, digits, exponent + integerPart.Length - 1 - leadingZeros);
    }

    private static string Plain(string digits, int exponent)
    {
        if (exponent < 0)
        {
            return "0." + new string('0', -exponent - 1) + digits;
        }

        if (digits.Length <= exponent + 1)
        {
            return digits + new string('0', exponent + 1 - digits.Length);
        }

        return digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }

    private static string Scientific(string digits, int exponent)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var sign = exponent < 0 ? "-" : "+";
        // Go writes at least two exponent digits and then strips a leading zero from "e-07" but not "e+21".
        var magnitude = Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        if (sign == "-" && magnitude.Length == 2 && magnitude[0] == '0')
        {
            magnitude = magnitude[1..];
        }

        return $"{mantissa}e{sign}{magnitude}";
    }
}
