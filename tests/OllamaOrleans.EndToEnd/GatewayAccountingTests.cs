using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>After a scripted mix of requests, the gateway's counts and token sums equal what the simulator served.</summary>
[Collection(ProcessCollection.Name)]
public sealed partial class GatewayAccountingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private static readonly (string Path, string Body)[] Mix =
    [
        ("api/generate", """{"model":"llama3.2","prompt":"one","options":{"num_predict":7}}"""),
        ("api/generate", """{"model":"llama3.2","prompt":"two words","stream":true,"options":{"num_predict":5}}"""),
        ("api/generate", """{"model":"llama3.2","prompt":"three","stream":false,"options":{"num_predict":6}}"""),
        ("api/generate", """{"model":"llama3.2","prompt":"four","stream":false,"options":{"num_predict":3}}"""),
        ("api/chat", """{"model":"llama3.2","messages":[{"role":"user","content":"hi"}],"options":{"num_predict":4}}"""),
        ("api/chat", """{"model":"llama3.2","messages":[{"role":"user","content":"hello there"}],"stream":false,"options":{"num_predict":9}}"""),
        ("api/embed", """{"model":"nomic-embed-text","input":["a b c","d"]}"""),
        ("api/embed", """{"model":"nomic-embed-text","input":"single"}"""),
        ("v1/chat/completions", """{"model":"llama3.2","messages":[{"role":"user","content":"hi"}],"stream":true,"max_tokens":6}"""),
        ("v1/chat/completions", """{"model":"llama3.2","messages":[{"role":"user","content":"hi"}],"stream":true,"max_tokens":2,"stream_options":{"include_usage":true}}"""),
        ("v1/chat/completions", """{"model":"llama3.2","messages":[{"role":"user","content":"hi"}],"max_tokens":5}"""),
        ("v1/completions", """{"model":"llama3.2","prompt":"once upon","max_tokens":4}"""),
        ("v1/embeddings", """{"model":"nomic-embed-text","input":["x","y z"]}"""),
    ];

    [Fact]
    public async Task ScriptedMix_CountsAndTokensEqualWhatTheSimulatorServed()
    {
        var port = fixture.Port(1);
        foreach (var (path, body) in Mix)
        {
            using var response = await Http.PostAsync(new Uri(fixture.Gateway(port), path), new StringContent(body));
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.Content.ReadAsStringAsync();
        }

        // The simulator counts a request once its handler returns, which can be just after the client has read the answer.
        var served = await Eventually.WithinAsync(TimeSpan.FromSeconds(5), () => fixture.Simulator.StatsAsync(port), s => Inference(s) >= Mix.Length, s => s.ToString());
        Assert.Equal(Mix.Length, Inference(served));
        var host = GatewayFixture.Name(port);
        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            fixture.Silo.ScrapeAsync,
            s => Sum(s, "ollama_requests_total", host) == Mix.Length,
            s => s?.Text ?? "no scrape");

        Assert.Equal(served.GetProperty("generated_tokens").GetInt64(), Sum(scrape, "ollama_generation_tokens_total", host));
        Assert.Equal(served.GetProperty("prompt_tokens").GetInt64(), Sum(scrape, "ollama_prompt_tokens_total", host));
        Assert.Equal(Mix.Length, scrape.Named("ollama_requests_total").Where(x => x["host"] == host && x["status"] == "200").Sum(x => x.Value));
        Assert.Equal(2, scrape.Value("ollama_requests_total", ("host", host), ("model", "nomic-embed-text:latest"), ("endpoint", "embed"), ("method", "POST"), ("status", "200"), ("source", "traffic")));
        var gateway = scrape.Named("ollama_gateway_requests_total").Where(x => x["host"] == host && x["endpoint"] != "other").Sum(x => x.Value);
        Assert.Equal(Mix.Length, gateway);
    }

    [Fact]
    public async Task OpenAiStreamWithoutUsage_ClientSeesNoUsageChunk_ButTokensAreCounted()
    {
        var port = fixture.Port(5);
        using var response = await Http.PostAsync(new Uri(fixture.Gateway(port), "v1/chat/completions"), new StringContent("""{"model":"llama3.2","messages":[{"role":"user","content":"hi"}],"stream":true,"max_tokens":4}"""));
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("data: [DONE]", events[^1]);
        Assert.DoesNotContain(events, e => e.Contains("\"usage\"", StringComparison.Ordinal));
        var host = GatewayFixture.Name(port);
        var scrape = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), fixture.Silo.ScrapeAsync, s => Sum(s, "ollama_requests_total", host) == 1, s => s?.Text ?? "no scrape");
        Assert.Equal(4, Sum(scrape, "ollama_generation_tokens_total", host));
        Assert.True(Sum(scrape, "ollama_prompt_tokens_total", host) > 0);
    }

    /// <summary>
    /// The gateway asks for include_usage, and Ollama's /v1/completions then puts usage on every chunk
    /// (middleware/openai.go CompleteWriter.writeResponse): the client still gets what the simulator
    /// sends directly, byte for byte but for the per-request id and time.
    /// </summary>
    [Fact]
    public async Task CompletionsStreamWithoutUsage_ClientGetsTheBytesOllamaSendsDirectly()
    {
        var port = fixture.Port(2);
        const string body = """{"model":"llama3.2","prompt":"once upon","stream":true,"max_tokens":3}""";
        using var direct = await Http.PostAsync(new Uri($"http://{GatewayFixture.Name(port)}/v1/completions"), new StringContent(body));
        using var proxied = await Http.PostAsync(new Uri(fixture.Gateway(port), "v1/completions"), new StringContent(body));
        var expected = StableIds(await direct.Content.ReadAsStringAsync());
        var actual = StableIds(await proxied.Content.ReadAsStringAsync());

        Assert.Equal(5, expected.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("usage", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ClientHeader_NamesTheClientInItsUsage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Gateway(fixture.Port(5)), "api/generate"))
        {
            Content = new StringContent("""{"model":"llama3.2","prompt":"hi","stream":false,"options":{"num_predict":5}}"""),
        };
        request.Headers.Add("X-Client", "alice");
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        var scrape = await fixture.Silo.ScrapeAsync();
        Assert.Equal(1, scrape.Value("ollama_client_requests_total", ("client", "alice"), ("status_class", "2xx")));
        Assert.Equal(answer.GetProperty("eval_count").GetInt64(), scrape.Value("ollama_client_tokens_total", ("client", "alice"), ("kind", "generation")));
    }

    private static string StableIds(string sse) =>
        CompletionIdAndTime().Replace(sse, "\"id\":\"cmpl-N\",\"object\":\"text_completion\",\"created\":0,");

    [GeneratedRegex("\"id\":\"cmpl-[0-9]+\",\"object\":\"text_completion\",\"created\":[0-9]+,")]
    private static partial Regex CompletionIdAndTime();

    private static long Inference(JsonElement served) => served.GetProperty("requests").EnumerateArray()
        .Where(r => r.GetProperty("endpoint").GetString() is "POST /api/generate" or "POST /api/chat" or "POST /api/embed" or "POST /v1/chat/completions" or "POST /v1/completions" or "POST /v1/embeddings")
        .Sum(r => r.GetProperty("count").GetInt64());

    private static double Sum(Exposition s, string name, string host) =>
        s.Named(name).Where(x => x["host"] == host && x["source"] == "traffic").Sum(x => x.Value);
}
