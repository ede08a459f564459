using System.Globalization;
using System.Text;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Http;

/// <summary>The hand-written HTTP/1.1 server, seen from a raw socket.</summary>
public sealed class HttpServerTests
{
    [Fact]
    public async Task KeepAlive_TwoRequestsOnOneConnection_BothAnswered()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var first = await raw.ReadResponseAsync();
        await raw.SendAsync("GET /api/version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var second = await raw.ReadResponseAsync();

        Assert.Equal("HTTP/1.1 200 OK", first.StatusLine);
        Assert.Equal("Ollama is running", first.Text);
        Assert.Null(first.Header("Connection"));
        Assert.Equal("{\"version\":\"0.32.15\"}", second.Text);
    }

    [Fact]
    public async Task ConnectionClose_IsEchoedAndTheServerCloses()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        var response = await raw.ReadResponseAsync();

        Assert.Equal("close", response.Header("Connection"));
        Assert.True(await raw.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Http10_WithoutKeepAlive_IsClosedAfterTheResponse()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("GET / HTTP/1.0\r\n\r\n");
        var response = await raw.ReadResponseAsync();

        Assert.Equal(200, response.Status);
        Assert.True(await raw.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Http10_Stream_IsDelimitedByClose_NotChunked()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        var body = "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":2}}";
        await raw.SendAsync($"POST /api/generate HTTP/1.0\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        var response = await raw.ReadResponseAsync();

        Assert.Equal("HTTP/1.0 200 OK", response.StatusLine);
        Assert.False(response.Has("Transfer-Encoding"));
        Assert.False(response.Has("Content-Length"));
        Assert.Equal(3, response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Http10_KeepAlive_IsHonouredAndAnnounced()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        var first = await raw.ReadResponseAsync();
        await raw.SendAsync("GET / HTTP/1.0\r\n\r\n");
        var second = await raw.ReadResponseAsync();

        Assert.Equal("keep-alive", first.Header("Connection"));
        Assert.Equal("Ollama is running", second.Text);
        Assert.True(await raw.IsClosedByServerAsync());
    }

    [Fact]
    public async Task ResponseHeaders_HaveDateAndContentLength_NoServerHeader()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        var response = await raw.ReadResponseAsync();

        Assert.Equal(["Content-Type", "Date", "Content-Length"], response.Headers.Select(h => h.Name));
        Assert.Equal("17", response.Header("Content-Length"));
        Assert.True(DateTime.TryParseExact(response.Header("Date"), "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    [Fact]
    public async Task Head_SendsHeadersWithLengthButNoBody()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var head = await raw.ReadResponseAsync(head: true);
        await raw.SendAsync("GET /api/version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var next = await raw.ReadResponseAsync();

        Assert.Equal(200, head.Status);
        Assert.Equal("17", head.Header("Content-Length"));
        Assert.Equal("text/plain; charset=utf-8", head.Header("Content-Type"));
        // Had HEAD sent a body, it would be read here as the next status line.
        Assert.Equal("HTTP/1.1 200 OK", next.StatusLine);
    }

    [Fact]
    public async Task ChunkedRequestBody_IsReassembled()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        var body = "{\"model\":\"llama3.2\"}";
        await raw.SendAsync($"POST /api/show HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{body[..5]}\r\n{body.Length - 5:x}\r\n{body[5..]}\r\n0\r\n\r\n");
        var response = await raw.ReadResponseAsync();

        Assert.Equal(200, response.Status);
        Assert.Contains("\"modelfile\"", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expect100Continue_IsAnsweredBeforeTheBody()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        var body = "{\"model\":\"llama3.2\"}";
        await raw.SendAsync($"POST /api/show HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: {body.Length}\r\n\r\n");
        var interim = await raw.ReadResponseAsync();
        await raw.SendAsync(body);
        var response = await raw.ReadResponseAsync();

        Assert.Equal("HTTP/1.1 100 Continue", interim.StatusLine);
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task OversizedHeaders_Get431AndTheConnectionCloses()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync($"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {new string('a', 70_000)}\r\n\r\n");
        var response = await raw.ReadResponseAsync();

        Assert.Equal("HTTP/1.1 431 Request Header Fields Too Large", response.StatusLine);
        Assert.Equal("431 Request Header Fields Too Large", response.Text);
        Assert.Equal("close", response.Header("Connection"));
    }

    [Fact]
    public async Task OversizedBody_Gets413WithoutReadingIt()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("POST /api/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 999999999999\r\n\r\n{");
        var response = await raw.ReadResponseAsync();

        Assert.Equal(413, response.Status);
        Assert.Equal("413 Request Entity Too Large", response.Text);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n")]
    [InlineData("GET /\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nno colon here\r\n\r\n")]
    [InlineData("POST /api/show HTTP/1.1\r\nContent-Length: ten\r\n\r\n")]
    [InlineData("POST /api/show HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    public async Task MalformedRequest_Gets400AndTheServerKeepsServing(string request)
    {
        await using var sim = await TestSimulator.StartAsync();
        using (var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port))
        {
            await raw.SendAsync(request);
            var response = await raw.ReadResponseAsync();
            Assert.Equal("HTTP/1.1 400 Bad Request", response.StatusLine);
            Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
        }

        using var client = sim.Hosts[0].Client();
        Assert.Equal("Ollama is running", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task StreamedResponse_IsChunkedWithoutContentLength_OneObjectPerChunk()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        var body = "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":3}}";
        await raw.SendAsync($"POST /api/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
        var response = await raw.ReadResponseAsync();

        Assert.Equal("chunked", response.Header("Transfer-Encoding"));
        Assert.False(response.Has("Content-Length"));
        Assert.Equal("application/x-ndjson", response.Header("Content-Type"));
        Assert.Equal(4, response.Chunks.Count);
        Assert.All(response.Chunks, chunk => Assert.Single(chunk.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.All(response.Chunks, chunk => Assert.EndsWith("}\n", chunk, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StreamedChunk_IsSentBeforeGenerationEnds()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 20, responseTokens: 100_000));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/generate")
        {
            Content = new StringContent("{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":200}}"),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();

        Assert.Contains("\"done\":false", first, StringComparison.Ordinal);
        // 200 tokens at 20/s take ten seconds: the first line can only be here because it was flushed.
        Assert.Equal(1, host.GetModelState("llama3.2").RefCount);
    }
}
