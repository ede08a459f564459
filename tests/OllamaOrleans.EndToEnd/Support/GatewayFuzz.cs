using System.Text;
using System.Text.Json;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// Seeded hostile requests for the gateway: through <c>/h/{host}</c> and <c>/fleet</c>, to the native
/// and OpenAI inference endpoints, with malformed and truncated JSON, wrong types for <c>model</c>,
/// <c>stream</c>, <c>keep_alive</c> and <c>options</c>, deep nesting, 10 MB bodies, made-up model names
/// with unicode and control characters, and slow or aborted uploads. The one listed model is
/// <see cref="Listed"/>; <see cref="Kinds"/> is every kind of body, for a warm-up that meets them all.
/// </summary>
public static class GatewayFuzz
{
    public const string Listed = "llama3.2";

    public static readonly string[] Endpoints = ["api/generate", "api/chat", "v1/chat/completions"];

    public static readonly string[] Kinds = ["listed", "listed-wrong-type", "made-up", "made-up-odd", "malformed", "model-wrong-type", "deep", "empty", "huge"];

    private static readonly string[] Odd = ["\u0000", "\u0007", "\n", "\r\n", "\t", "\"", "\\", "/", ":", "..", "😀", "\u202e", "\ufeff", "é", "名", "%00", "<script>", " ", "\u00a0", "'", "{", "]"];

    /// <summary><paramref name="count"/> requests from <paramref name="seed"/>, against the two hosts named.</summary>
    public static List<GatewayFuzzRequest> Generate(int seed, int count, IReadOnlyList<string> hosts)
    {
        var random = new Random(seed);
        var requests = new List<GatewayFuzzRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var route = random.Next(4) == 0 ? "fleet" : "h/" + hosts[random.Next(hosts.Count)];
            var endpoint = Endpoints[random.Next(Endpoints.Length)];
            var roll = random.Next(100);
            var kind = roll switch
            {
                < 20 => "listed",
                < 35 => "listed-wrong-type",
                < 45 => "made-up",
                < 60 => "made-up-odd",
                < 75 => "malformed",
                < 85 => "model-wrong-type",
                < 93 => "deep",
                < 99 => "empty",
                _ => "huge",
            };
            var upload = random.Next(100);
            requests.Add(new GatewayFuzzRequest(i, kind, $"{route}/{endpoint}", Body(random, kind, endpoint), upload < 3, upload is >= 3 and < 6));
        }

        return requests;
    }

    /// <summary>One request of every kind, endpoint and host (by <c>/h</c>), to meet every answer before counting series.</summary>
    public static List<GatewayFuzzRequest> WarmUp(int seed, IReadOnlyList<string> hosts)
    {
        var random = new Random(seed);
        return [.. hosts.SelectMany(h => Endpoints.SelectMany(e => Kinds.Select(k => (h, e, k))))
            .Select((r, i) => new GatewayFuzzRequest(i, r.k, $"h/{r.h}/{r.e}", Body(random, r.k, r.e), Slow: false, Abort: false))];
    }

    public static byte[] Body(Random random, string kind, string endpoint) => kind switch
    {
        "listed" => Valid(endpoint, Json(random.Next(2) == 0 ? Listed : Listed + ":latest"), Json(random.Next(2) == 0)),
        "listed-wrong-type" => WrongType(random, endpoint),
        "made-up" => Valid(endpoint, Json($"made-up-{random.Next(1_000_000)}"), "false"),
        "made-up-odd" => Valid(endpoint, Json(OddName(random)), "false"),
        "malformed" => Malformed(random, endpoint),
        "model-wrong-type" => Valid(endpoint, new[] { "42", "[]", "{}", "null", "true", "\"\"", "[\"llama3.2\"]", "{\"name\":\"llama3.2\"}" }[random.Next(8)], "false"),
        "deep" => Deep(random, endpoint),
        "empty" => [],
        "huge" => Huge(random, endpoint),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static byte[] Valid(string endpoint, string model, string stream, string extra = "")
    {
        var json = endpoint switch
        {
            "api/generate" => $$"""{"model":{{model}},"prompt":"hi","stream":{{stream}},"options":{"num_predict":2}{{extra}}}""",
            "api/chat" => $$"""{"model":{{model}},"messages":[{"role":"user","content":"hi"}],"stream":{{stream}},"options":{"num_predict":2}{{extra}}}""",
            _ => $$"""{"model":{{model}},"messages":[{"role":"user","content":"hi"}],"stream":{{stream}},"max_tokens":2{{extra}}}""",
        };
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>The listed model with a field of the wrong type: Ollama answers 400.</summary>
    private static byte[] WrongType(Random random, string endpoint)
    {
        string[] streams = ["\"yes\"", "1", "{}", "[true]"];
        string[] keepAlives = ["{}", "[]", "true", "\"forever and ever\""];
        string[] options = ["\"fast\"", "[]", "42", "true"];
        return random.Next(3) switch
        {
            0 => Valid(endpoint, Json(Listed), streams[random.Next(streams.Length)]),
            1 => Valid(endpoint, Json(Listed), "false", ",\"keep_alive\":" + keepAlives[random.Next(keepAlives.Length)]),
            _ => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Valid(endpoint, Json(Listed), "false")).Replace("\"options\":{\"num_predict\":2}", "\"options\":" + options[random.Next(options.Length)], StringComparison.Ordinal).Replace("\"max_tokens\":2", "\"max_tokens\":" + options[random.Next(options.Length)], StringComparison.Ordinal)),
        };
    }

    private static byte[] Malformed(Random random, string endpoint)
    {
        var valid = Valid(endpoint, Json(Listed), "false");
        return random.Next(4) switch
        {
            0 => valid[..random.Next(1, valid.Length - 1)],
            1 => [.. valid[..random.Next(1, valid.Length - 1)], 0xff, 0xfe, .. valid[random.Next(1, valid.Length - 1)..]],
            2 => Encoding.UTF8.GetBytes("{\"model\":\"llama3.2\",,}"),
            _ => Encoding.UTF8.GetBytes("model=llama3.2&prompt=hi"),
        };
    }

    private static byte[] Deep(Random random, string endpoint)
    {
        var depth = random.Next(65, 1_000);
        var nested = new string('[', depth) + new string(']', depth);
        return Valid(endpoint, Json(Listed), "false", ",\"extra\":" + nested);
    }

    /// <summary>A 10 MB body: a made-up model with a huge prompt, or an unclosed array.</summary>
    private static byte[] Huge(Random random, string endpoint)
    {
        const int size = 10 * 1024 * 1024;
        return random.Next(2) == 0
            ? Valid(endpoint, Json("made-up-huge"), "false", ",\"padding\":\"" + new string('a', size) + "\"")
            : Encoding.UTF8.GetBytes(new string('[', size));
    }

    private static string OddName(Random random)
    {
        var builder = new StringBuilder();
        var parts = random.Next(1, 8);
        for (var i = 0; i < parts; i++)
        {
            builder.Append(random.Next(3) == 0 ? Odd[random.Next(Odd.Length)] : ((char)random.Next(0x20, 0x7f)).ToString());
        }

        return random.Next(20) == 0 ? builder.Append('x', 100_000).ToString() : builder.ToString();
    }

    private static string Json(string value) => JsonSerializer.Serialize(value);

    private static string Json(bool value) => value ? "true" : "false";
}
