using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Faults;

/// <summary>Every fault mode as a real HTTP client sees it.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Down_RefusesConnections_OtherHostsServe_HealServesOnTheSamePort()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(hosts: 2));
        var (down, up) = (sim.Hosts[0], sim.Hosts[1]);
        var port = down.Port;
        using var downClient = down.Client();
        using var upClient = up.Client();
        down.SetFault(FaultMode.Down);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => downClient.GetStringAsync("/"));
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(refused.InnerException).SocketErrorCode);
        Assert.Equal("Ollama is running", await upClient.GetStringAsync("/"));

        down.SetFault(FaultMode.None);
        Assert.Equal(port, down.Port);
        Assert.Equal("Ollama is running", await downClient.GetStringAsync("/"));
    }

    [Fact]
    public async Task Down_DropsOpenConnections_HealBindsTheSamePortAgain()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        var raw = await RawHttp.ConnectAsync(host.Port);
        await raw.SendAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        await raw.ReadResponseAsync();
        host.SetFault(FaultMode.Down);

        Assert.True(await raw.IsClosedByServerAsync());
        raw.Dispose();

        // The port had live connections a moment ago; healing binds it again (SO_REUSEADDR).
        host.SetFault(FaultMode.None);
        using var client = host.Client();
        Assert.Equal("Ollama is running", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Down_CutsAStreamInProgress()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 50, responseTokens: 100_000));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/generate")
        {
            Content = new StringContent("{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":100000}}"),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await reader.ReadLineAsync();
        host.SetFault(FaultMode.Down);

        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync());
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").RefCount == 0, "the slot to be freed");
    }

    [Fact]
    public async Task Hang_ReadsButNeverAnswers_ClientTimesOut_HealAnswersAgain()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        host.SetFault(FaultMode.Hang);
        using var impatient = host.Client(TimeSpan.FromMilliseconds(300));

        var timeout = await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetStringAsync("/api/version"));
        Assert.IsType<TimeoutException>(timeout.InnerException);
        host.SetFault(FaultMode.None);
        using var client = host.Client();
        Assert.Equal("{\"version\":\"0.32.15\"}", await client.GetStringAsync("/api/version"));
        await TestSimulator.EventuallyAsync(() => host.Counters.RequestCount("GET /api/version", 499) == 1, "the hung request to be counted as abandoned");
    }

    [Fact]
    public async Task Slow_DelaysEveryAnswerByAtLeastTheDelay()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        await client.GetStringAsync("/");
        host.SetFault(FaultMode.Slow, TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        var body = await client.GetStringAsync("/api/tags");

        Assert.True(clock.ElapsedMilliseconds >= 300, $"answered after {clock.ElapsedMilliseconds} ms");
        Assert.StartsWith("{\"models\":[", body, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(300), host.FaultDelay);
    }

    [Fact]
    public async Task Error_Every_Api_Route_Answers500_RootStillRuns()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        host.SetFault(FaultMode.Error);
        var tags = await client.GetReplyAsync("/api/tags");
        var generate = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\"}");
        var openAi = await client.GetReplyAsync("/v1/models");

        Assert.Equal((500, "{\"error\":\"simulated fault: internal server error\"}"), (tags.Status, tags.Body));
        Assert.Equal("application/json; charset=utf-8", tags.ContentType);
        Assert.Equal(500, generate.Status);
        Assert.Equal(0, host.Counters.Loads);
        Assert.Equal(500, openAi.Status);
        Assert.Equal("api_error", openAi.Json.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(1, host.Counters.RequestCount("GET /api/tags", 500));
        Assert.Equal("Ollama is running", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Malformed_JsonBodiesAre200ButUnparseable()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        host.SetFault(FaultMode.Malformed);
        var tags = await client.GetReplyAsync("/api/tags");
        var version = await client.GetReplyAsync("/api/version");
        var stream = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":2}}");

        Assert.Equal((200, "application/json; charset=utf-8"), (tags.Status, tags.ContentType));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(tags.Body));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(version.Body));
        Assert.Equal(3, stream.Lines.Length);
        Assert.All(stream.Lines, line => Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(line)));
        Assert.Equal("Ollama is running", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Truncated_BodiesAndStreamsAreCutMidway()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        host.SetFault(FaultMode.Truncated);

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetStringAsync("/api/tags"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/generate")
        {
            Content = new StringContent("{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":5}}"),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();

        Assert.NotNull(JsonDocument.Parse(first!));
        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Truncated_OnTheWire_HalfTheBodyThenClose()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        host.SetFault(FaultMode.Truncated);
        using var raw = await RawHttp.ConnectAsync(host.Port);
        await raw.SendAsync("GET /api/version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var bytes = await raw.ReadToEndAsync();
        var text = System.Text.Encoding.ASCII.GetString(bytes);

        Assert.Contains("Content-Length: 21\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"version\"", text, StringComparison.Ordinal);
    }

    /// <summary>server/sched.go: PsHandler waits for the scheduler's lock, held through a health check or a wait for VRAM.</summary>
    [Fact]
    public async Task SlowPs_DelaysOnlyPs_TheOtherRoutesAnswer()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        host.SetFault(FaultMode.SlowPs, TimeSpan.FromMinutes(10));
        using var impatient = host.Client(TimeSpan.FromMilliseconds(300));

        var timeout = await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetStringAsync("/api/ps"));
        Assert.IsType<TimeoutException>(timeout.InnerException);
        Assert.Equal("{\"version\":\"0.32.15\"}", await impatient.GetStringAsync("/api/version"));
        Assert.StartsWith("{\"models\":[", await impatient.GetStringAsync("/api/tags"), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(10), host.FaultDelay);
    }

    [Fact]
    public async Task SetFault_SlowWithoutDelay_IsRejected()
    {
        await using var sim = await TestSimulator.StartAsync();
        Assert.Throws<ArgumentException>(() => sim.Hosts[0].SetFault(FaultMode.Slow));
        Assert.Throws<ArgumentException>(() => sim.Hosts[0].SetFault(FaultMode.SlowPs));
        Assert.Equal(FaultMode.None, sim.Hosts[0].Fault);
    }
}
