using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>Upstream faults, client disconnects, fleet routing and streaming behaviour of the gateway.</summary>
[Collection(ProcessCollection.Name)]
public sealed class GatewayFaultTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task UpstreamDown_Is502WithAnOllamaError_AndUpstreamHang_Is504()
    {
        var port = fixture.Port(4);
        await fixture.Simulator.SetFaultAsync(port, "down");
        try
        {
            using var down = await Http.PostAsync(new Uri(fixture.Gateway(port), "api/generate"), new StringContent("""{"model":"llama3.2","prompt":"hi"}"""));
            Assert.Equal(HttpStatusCode.BadGateway, down.StatusCode);
            Assert.Equal($"ollama host '127.0.0.1:{port}' refused the connection", (await down.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

            await fixture.Simulator.SetFaultAsync(port, "hang");
            var watch = Stopwatch.StartNew();
            using var hang = await Http.PostAsync(new Uri(fixture.Gateway(port), "api/chat"), new StringContent("""{"model":"llama3.2","messages":[]}"""));
            Assert.Equal(HttpStatusCode.GatewayTimeout, hang.StatusCode);
            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(20));
            Assert.Contains("did not answer within 00:00:02", (await hang.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.Simulator.SetFaultAsync(port, "none");
        }

        var host = GatewayFixture.Name(port);
        var scrape = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), fixture.Silo.ScrapeAsync, s => s.Value("ollama_requests_total", ("host", host), ("model", "llama3.2:latest"), ("endpoint", "chat"), ("method", "POST"), ("status", "timeout"), ("source", "traffic")) == 1, s => s?.Text ?? "no scrape");
        Assert.Equal(1, scrape.Value("ollama_requests_total", ("host", host), ("model", "llama3.2:latest"), ("endpoint", "generate"), ("method", "POST"), ("status", "refused"), ("source", "traffic")));
    }

    [Fact]
    public async Task ServerBusy503_IsPassedThroughAndCounted()
    {
        var port = fixture.Busy.BasePort;
        using var busy = await Http.PostAsync(new Uri(fixture.Silo.BaseUri, $"h/127.0.0.1:{port}/api/generate"), new StringContent("""{"model":"llama3.2","prompt":"hi"}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("server busy, please try again.  maximum pending requests exceeded", (await busy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), fixture.Silo.ScrapeAsync, s => s.Value("ollama_requests_total", ("host", $"127.0.0.1:{port}"), ("model", "llama3.2:latest"), ("endpoint", "generate"), ("method", "POST"), ("status", "503"), ("source", "traffic")) == 1, s => s?.Text ?? "no scrape");
    }

    /// <summary>
    /// Ollama ends an OpenAI stream whose runner fails after the first chunk with one empty chunk and no
    /// [DONE] (server/routes.go streamResponse, middleware/openai.go ChatWriter.writeResponse): its
    /// clients see a cut stream, and so does the gateway's count.
    /// </summary>
    [Fact]
    public async Task OpenAiStreamFailingAfterItsFirstChunk_IsCountedTruncated()
    {
        var port = fixture.Port(3);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Gateway(port), "v1/chat/completions"))
        {
            Content = new StringContent("""{"model":"qwen2.5:7b","messages":[{"role":"user","content":"hi"}],"stream":true}"""),
        };
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.StartsWith("data: {", await reader.ReadLineAsync(), StringComparison.Ordinal);
        using (var crash = await Http.PostAsync(fixture.Simulator.Control($"_sim/hosts/{port}/models/qwen2.5:7b/crash"), null))
        {
            Assert.Equal(HttpStatusCode.OK, crash.StatusCode);
        }

        var rest = await reader.ReadToEndAsync();

        Assert.DoesNotContain("[DONE]", rest, StringComparison.Ordinal);
        Assert.EndsWith("\"model\":\"\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":null}]}\n\n", rest, StringComparison.Ordinal);
        var host = GatewayFixture.Name(port);
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            fixture.Silo.ScrapeAsync,
            s => s.Value("ollama_requests_total", ("host", host), ("model", "qwen2.5:7b"), ("endpoint", "v1/chat/completions"), ("method", "POST"), ("status", "truncated"), ("source", "traffic")) == 1,
            s => s?.Text ?? "no scrape");
    }

    [Fact]
    public async Task ClientDisconnectMidStream_CancelsUpstream_FreesTheSlot_AndIsCounted()
    {
        var port = fixture.Port(3);
        var generatedBefore = (await fixture.Simulator.StatsAsync(port)).GetProperty("generated_tokens").GetInt64();
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(IPAddress.Loopback, fixture.Silo.HttpPort);
            var stream = socket.GetStream();
            var body = Encoding.UTF8.GetBytes("""{"model":"gemma3:4b","prompt":"long story","options":{"num_predict":290}}""");
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /h/{GatewayFixture.Name(port)}/api/generate HTTP/1.1\r\nHost: localhost\r\nContent-Length: {body.Length}\r\n\r\n"));
            await stream.WriteAsync(body);
            var first = new byte[4096];
            var read = 0;
            while (!Encoding.ASCII.GetString(first, 0, read).Contains("\"done\":false", StringComparison.Ordinal))
            {
                read += await stream.ReadAsync(first.AsMemory(read));
            }

            socket.Client.LingerState = new LingerOption(true, 0);
        }

        var state = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            () => fixture.Simulator.ModelStateAsync(port, "gemma3:4b"),
            s => s.GetProperty("ref_count").GetInt32() == 0,
            s => s.ToString());
        Assert.Equal("loaded", state.GetProperty("state").GetString());

        // The slot was freed because the upstream request was cancelled, not because the answer ran to its end.
        var generated = (await fixture.Simulator.StatsAsync(port)).GetProperty("generated_tokens").GetInt64() - generatedBefore;
        Assert.InRange(generated, 1, 289);
        var host = GatewayFixture.Name(port);
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), fixture.Silo.ScrapeAsync, s => s.Value("ollama_client_disconnects_total", ("host", host), ("model", "gemma3:4b")) == 1 && s.Value("ollama_requests_total", ("host", host), ("model", "gemma3:4b"), ("endpoint", "generate"), ("method", "POST"), ("status", "disconnected"), ("source", "traffic")) == 1, s => s?.Text ?? "no scrape");
    }

    [Fact]
    public async Task Fleet_RoutesToTheHostThatHasTheModelLoaded_And404sAnUnknownModel()
    {
        var target = fixture.Port(5);
        await fixture.Simulator.LoadAsync(target, "deepseek-r1:8b", "10m");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), fixture.Silo.ScrapeAsync, s => s.Value("ollama_model_loaded", ("host", GatewayFixture.Name(target)), ("model", "deepseek-r1:8b")) == 1, s => s?.Text ?? "no scrape");
        var before = await GeneratesAsync();

        for (var i = 0; i < 3; i++)
        {
            using var response = await Http.PostAsync(new Uri(fixture.Silo.BaseUri, "fleet/api/generate"), new StringContent("""{"model":"deepseek-r1:8b","prompt":"hi","stream":false,"think":false,"options":{"num_predict":5}}"""));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var after = await GeneratesAsync();
        Assert.Equal(3, after[target] - before[target]);
        Assert.All(after.Keys.Where(p => p != target), p => Assert.Equal(before[p], after[p]));
        using var unknown = await Http.PostAsync(new Uri(fixture.Silo.BaseUri, "fleet/api/chat"), new StringContent("""{"model":"nothere","messages":[]}"""));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"error":"model 'nothere' not found"}""", await unknown.Content.ReadAsStringAsync());
        var tags = await Http.GetFromJsonAsync<JsonElement>(new Uri(fixture.Silo.BaseUri, "fleet/api/tags"));
        Assert.Contains(tags.GetProperty("models").EnumerateArray(), m => m.GetProperty("name").GetString() == "llama3.2:latest");
    }

    [Fact]
    public async Task Streams_AreNotBuffered_TheFirstChunkArrivesLongBeforeTheEnd()
    {
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Gateway(fixture.Port(0)), "api/generate")) { Content = new StringContent("""{"model":"llama3.2","prompt":"go","options":{"num_predict":60}}""") };
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await reader.ReadLineAsync();
        var first = watch.Elapsed;
        await reader.ReadToEndAsync();
        var total = watch.Elapsed;

        Assert.True(first < total / 3, $"first chunk after {first}, stream done after {total}");
        Assert.Equal("chunked", string.Join(",", response.Headers.TransferEncoding.Select(t => t.Value)));
        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("""{"model":"llama3.2","messages":[{"role":"user","content":"hi"}],"stream":false,"options":{"num_predict":5}}""")]
    [InlineData("""{"model":"llama3.2","messages":[{"role":"user","content":"hi"}],"options":{"num_predict":5}}""")]
    public async Task Responses_NeverCarryBothContentLengthAndTransferEncoding(string body)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, fixture.Silo.HttpPort);
        var stream = socket.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"POST /h/{GatewayFixture.Name(fixture.Port(0))}/api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes);
        var raw = await new StreamReader(stream).ReadToEndAsync();
        var headers = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n").Skip(1).Select(h => h.Split(':')[0].ToLowerInvariant()).ToList();

        Assert.StartsWith("HTTP/1.1 200", raw, StringComparison.Ordinal);
        Assert.False(headers.Contains("content-length") && headers.Contains("transfer-encoding"), raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)]);
        Assert.True(headers.Contains("content-length") || headers.Contains("transfer-encoding"));
    }

    private async Task<Dictionary<int, long>> GeneratesAsync()
    {
        var result = new Dictionary<int, long>();
        foreach (var port in fixture.Simulator.Ports)
        {
            result[port] = await fixture.Simulator.GeneratesAsync(port);
        }

        return result;
    }
}
