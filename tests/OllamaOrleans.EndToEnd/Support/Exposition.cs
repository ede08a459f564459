using System.Globalization;
using System.Text;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>A small reader of the text exposition format, for assertions on real scrapes.</summary>
public sealed class Exposition(IReadOnlyList<Sample> samples, string text)
{
    public IReadOnlyList<Sample> Samples { get; } = samples;

    public string Text { get; } = text;

    /// <summary>What the monitor's processes export: their own families, curated process and Orleans series.</summary>
    public static IReadOnlyList<string> MonitorPrefixes { get; } = ["ollama_", "process_", "dotnet_", "microsoft_orleans_orleans_", "prometheus_net_meteradapter_"];

    public IEnumerable<Sample> Named(string name) => Samples.Where(s => s.Name == name);

    /// <summary>Sample names that start with none of <paramref name="prefixes"/>, each once.</summary>
    public IReadOnlyList<string> NamesOutside(IReadOnlyList<string> prefixes) =>
        [.. Samples.Select(s => s.Name).Distinct(StringComparer.Ordinal).Where(n => !prefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)))];

    public double? Value(string name, params (string Key, string Value)[] labels) =>
        Named(name).Where(s => labels.All(l => s[l.Key] == l.Value)).Select(s => (double?)s.Value).SingleOrDefault();

    public static Exposition Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            samples.Add(ParseLine(line));
        }

        return new Exposition(samples, text);
    }

    private static Sample ParseLine(string line)
    {
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        int valueStart;
        string name;
        if (brace < 0 || brace > line.IndexOf(' ', StringComparison.Ordinal))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            name = line[..space];
            valueStart = space + 1;
        }
        else
        {
            name = line[..brace];
            var i = brace + 1;
            while (line[i] != '}')
            {
                var eq = line.IndexOf('=', i);
                var key = line[i..eq];
                var value = new StringBuilder();
                i = eq + 2;
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] switch { 'n' => '\n', var c => c });
                    }
                    else
                    {
                        value.Append(line[i]);
                    }

                    i++;
                }

                labels[key] = value.ToString();
                i++;
                if (line[i] == ',')
                {
                    i++;
                }
            }

            valueStart = i + 2;
        }

        var valueText = line[valueStart..].Split(' ')[0];
        var parsed = valueText switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, parsed);
    }
}
