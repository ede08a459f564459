using System.Text;

namespace OllamaOrleans.Tests.Api.Hosts;

/// <summary>
/// Generates requests against the mutating host endpoints from a seeded <see cref="Random"/>: random
/// JSON, host-shaped bodies with each field broken in some way (wrong types, missing, huge, unicode,
/// control characters, refused addresses), raw bytes that are not JSON or not UTF-8, odd media types
/// and odd names in the path. Some come out valid by chance; the test checks those had their effect.
/// </summary>
public sealed class MalformedRequests(Random random, IReadOnlyList<string> knownNames)
{
    private static readonly string[] Unicode = ["Zürich", "東京", "🚀", "\u200b", "é\u0301", "\ufeff", "\\ud800", "\\udc00x", "\\u0000", "\\n", "Ω≈ç√"];

    private static readonly string[] Urls =
    [
        "http://10.9.0.1:11434", "https://10.9.0.2/", "ftp://10.9.0.3/", "file:///etc/passwd", "http://user:pw@10.9.0.4/",
        "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://metadata.google.internal/", "http://[fe80::1]:11434",
        "http://169.254.9.9:11434", "http://2852039166/", "http://rebind.test/", "http://nowhere.test:11434", "http://", "http://[::1",
        "javascript:alert(1)", "//10.9.0.5", "http://10.9.0.6:99999", "http://10.9.0.7/?q=1", "http://10.9.0.8/#f", "http://ollama.test:11434/",
    ];

    public FuzzRequest Next(int index)
    {
        var (method, path) = random.Next(10) switch
        {
            < 5 => (HttpMethod.Post, "api/v1/hosts"),
            < 8 => (HttpMethod.Put, "api/v1/hosts/" + PathName()),
            _ => (HttpMethod.Delete, "api/v1/hosts/" + PathName()),
        };
        if (method == HttpMethod.Delete)
        {
            return new FuzzRequest(index, method, path, null, null);
        }

        var (body, mediaType) = random.Next(10) switch
        {
            < 5 => (Encoding.UTF8.GetBytes(HostShaped()), MediaType()),
            < 7 => (Encoding.UTF8.GetBytes(RandomJson(0)), MediaType()),
            _ => (RawBytes(), MediaType()),
        };
        return new FuzzRequest(index, method, path, body, mediaType);
    }

    private string PathName() => random.Next(6) switch
    {
        0 when knownNames.Count > 0 => knownNames[random.Next(knownNames.Count)],
        1 => Uri.EscapeDataString(Pick(Unicode)),
        2 => new string('n', random.Next(100, 400)),
        3 => "%2F..%2Fetc",
        4 => $"fuzz-{random.Next(40)}",
        _ => Uri.EscapeDataString(RandomText(random.Next(1, 20))),
    };

    private string? MediaType() => random.Next(12) switch
    {
        0 => null,
        1 => "text/plain",
        2 => "application/x-www-form-urlencoded",
        3 => "application/problem+json",
        _ => "application/json",
    };

    private string HostShaped()
    {
        var fields = new List<string>();
        if (random.Next(8) != 0)
        {
            fields.Add($"\"name\":{Value(() => random.Next(3) == 0 ? $"fuzz-{random.Next(40)}" : Pick(["", "a/b", "a b", "-x", new string('n', 200), Pick(Unicode), "[::1]:1"]))}");
        }

        if (random.Next(8) != 0)
        {
            fields.Add($"\"url\":{Value(() => Pick(Urls))}");
        }

        if (random.Next(3) != 0)
        {
            fields.Add($"\"labels\":{Labels()}");
        }

        if (random.Next(6) == 0)
        {
            fields.Add($"\"{Pick(["lables", "extra", "Name", "URL", "name"])}\":{RandomJson(2)}");
        }

        return "{" + string.Join(',', fields.OrderBy(_ => random.Next())) + "}";
    }

    /// <summary>A JSON value meant as a string: usually a string, sometimes the wrong type.</summary>
    private string Value(Func<string> text) => random.Next(7) switch
    {
        0 => RandomJson(2),
        1 => "null",
        _ => Quote(text()),
    };

    private string Labels() => random.Next(8) switch
    {
        0 => RandomJson(1),
        1 => "{" + string.Join(',', Enumerable.Range(0, 17).Select(i => $"\"k{i}\":\"v\"")) + "}",
        _ => "{" + string.Join(',', Enumerable.Range(0, random.Next(4)).Select(_ => $"{Quote(LabelKey())}:{Value(LabelValue)}")) + "}",
    };

    private string LabelKey() => Pick(["rack", "site", "1bad", "__meta", "host", "url", "ra-ck", new string('k', 70), Pick(Unicode), "team_ml"]);

    private string LabelValue() => Pick(["r1", "", new string('v', random.Next(200, 300)), Pick(Unicode), "a\\nb", "tab\\there"]);

    private string RandomJson(int depth) => random.Next(depth >= 3 ? 4 : 7) switch
    {
        0 => random.Next(2) == 0 ? "true" : "false",
        1 => "null",
        2 => Pick(["0", "-1", "1e308", "3.14", "123456789012345678901234567890", "-0"]),
        3 => Quote(RandomText(random.Next(0, 30))),
        4 => "[" + string.Join(',', Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(depth + 1))) + "]",
        _ => "{" + string.Join(',', Enumerable.Range(0, random.Next(4)).Select(_ => $"{Quote(Pick(["name", "url", "labels", RandomText(5)]))}:{RandomJson(depth + 1)}")) + "}",
    };

    private byte[] RawBytes() => random.Next(7) switch
    {
        0 => [],
        1 => Encoding.UTF8.GetBytes("{\"name\":\"x\",\"url\":"),
        2 => [0xff, 0xfe, 0x7b, 0x00, 0xc3, 0x28],
        3 => Encoding.UTF8.GetBytes(new string('[', 2000) + new string(']', 2000)),
        4 => Encoding.UTF8.GetBytes("{\"url\":\"http://10.9.0.1/\",\"labels\":{\"a\":\"" + new string('x', 40_000) + "\"}}"),
        5 => Encoding.Unicode.GetBytes("{\"url\":\"http://10.9.0.1/\"}"),
        _ => [.. Enumerable.Range(0, random.Next(1, 200)).Select(_ => (byte)random.Next(256))],
    };

    private string RandomText(int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => random.Next(5) == 0 ? (char)random.Next(0x80, 0x3000) : (char)random.Next(0x20, 0x7f))]);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A JSON string literal; escapes already written as <c>\\uXXXX</c> in the input stay escapes.</summary>
    private static string Quote(string text)
    {
        var escaped = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            escaped.Append(c switch
            {
                '"' => "\\\"",
                '\\' when i + 1 < text.Length && text[i + 1] is 'u' or 'n' or 't' => "\\",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.Append('"').ToString();
    }
}
