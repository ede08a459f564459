namespace OllamaSimulator.Models;

/// <summary>An Ollama release number, to switch behaviour on or off as the real server's history did.</summary>
internal readonly record struct OllamaVersion(int Major, int Minor, int Patch) : IComparable<OllamaVersion>
{
    public static bool TryParse(string text, out OllamaVersion version)
    {
        version = default;
        var core = text.Split('-', 2)[0].TrimStart('v');
        var parts = core.Split('.');
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && p.Length < 9))
        {
            return false;
        }

        version = new OllamaVersion(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
        return true;
    }

    public static OllamaVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"not a version: {text}");

    public static bool operator <(OllamaVersion left, OllamaVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(OllamaVersion left, OllamaVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(OllamaVersion left, OllamaVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(OllamaVersion left, OllamaVersion right) => left.CompareTo(right) >= 0;

    public int CompareTo(OllamaVersion other) =>
        (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    /// <summary>True when this server has a feature introduced in <paramref name="since"/>.</summary>
    public bool Has(string since) => this >= Parse(since);
}
