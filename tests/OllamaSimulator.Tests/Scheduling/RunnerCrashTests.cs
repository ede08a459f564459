using System.Net;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Scheduling;

/// <summary>§3.2: an error after the stream started is one more NDJSON line; before it, a real status.</summary>
public sealed class RunnerCrashTests
{
    [Fact]
    public async Task CrashMidStream_EndsWithAnErrorLine_Status200_NoDoneLine()
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

        Assert.True(host.CrashRunner("llama3.2"));
        var rest = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"error\":\"an error was encountered while running the model: unexpected EOF\"}", rest[^1]);
        Assert.DoesNotContain(rest, line => line.Contains("\"done\":true", StringComparison.Ordinal));
    }

    /// <summary>
    /// server/sched.go: nothing watches the runner process, so a dead runner stays loaded (and in
    /// <c>/api/ps</c>); the next request's needsReload health check fails and reloads it.
    /// </summary>
    [Fact]
    public async Task CrashedRunner_StaysInPs_UntilTheNextRequestReloadsIt()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        await host.LoadAsync("llama3.2", TimeSpan.FromMinutes(10));

        Assert.True(host.CrashRunner("llama3.2"));
        Assert.False(host.CrashRunner("llama3.2"));
        var ps = await client.GetReplyAsync("/api/ps");
        Assert.Equal(["llama3.2:latest"], ps.Json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal((ModelState.Loaded, 1L, 0L), (host.GetModelState("llama3.2").State, host.GetModelState("llama3.2").Loads, host.GetModelState("llama3.2").Unloads));

        var reply = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"stream\":false,\"options\":{\"num_predict\":1}}");

        Assert.Equal(200, reply.Status);
        Assert.Equal((ModelState.Loaded, 2L, 1L), (host.GetModelState("llama3.2").State, host.GetModelState("llama3.2").Loads, host.GetModelState("llama3.2").Unloads));
    }

    [Fact]
    public async Task CrashBeforeTheFirstToken_IsAReal500()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 50, responseTokens: 100_000));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/generate")
        {
            Content = new StringContent("{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":100000}}"),
        };
        using var running = await client.SendAsync(first, HttpCompletionOption.ResponseHeadersRead);
        var waiting = client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\"}");
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").RefCount == 2, "the second request to wait for the slot");

        host.CrashRunner("llama3.2");
        var reply = await waiting;

        Assert.Equal(500, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(
            "{\"error\":\"model runner has unexpectedly stopped, this may be due to resource limitations or an internal error, check ollama server logs for details\"}",
            reply.Body);
    }

    /// <summary>server/sched.go: a dead runner leaves on its keep-alive timer like any other.</summary>
    [Fact]
    public async Task CrashedRunner_UnloadsWhenItsKeepAliveRunsOut()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time);
        var host = sim.Hosts[0];
        await host.LoadAsync("llama3.2", TimeSpan.FromMinutes(5));
        Assert.True(host.CrashRunner("llama3.2"));

        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.Equal(ModelState.Loaded, host.GetModelState("llama3.2").State);
        time.Advance(TimeSpan.FromTicks(1));

        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Absent, "the keep-alive to unload it");
        Assert.Equal(1, host.GetModelState("llama3.2").Unloads);
    }

    /// <summary>
    /// server/routes.go EmbedHandler: a runner failure is no api.StatusError, so 400; the legacy
    /// EmbeddingsHandler answers 500 (llm/llama_server.go Embedding: "do embedding request").
    /// </summary>
    [Theory]
    [InlineData("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":\"hi\"}", 400)]
    [InlineData("/api/embeddings", "{\"model\":\"nomic-embed-text\",\"prompt\":\"hi\"}", 500)]
    public async Task CrashDuringAnEmbedding_IsTheHandlersStatus(string path, string body, int status)
    {
        // 0.01 tokens/s: evaluating the input takes minutes, so the crash finds it running.
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 0.01));
        var host = sim.Hosts[0];
        using var client = host.Client();
        await host.LoadAsync("nomic-embed-text");
        var pending = client.PostAsync(path, body);
        await TestSimulator.EventuallyAsync(() => host.GetModelState("nomic-embed-text").RefCount == 1, "the request to attach");

        Assert.True(host.CrashRunner("nomic-embed-text"));
        var reply = await pending;

        Assert.Equal(status, reply.Status);
        Assert.Equal("{\"error\":\"do embedding request: Post \\\"http://127.0.0.1:40123/v1/embeddings\\\": EOF\"}", reply.Body);
    }

    [Fact]
    public async Task Crash_OfAModelNotLoaded_IsFalse()
    {
        await using var sim = await TestSimulator.StartAsync();
        Assert.False(sim.Hosts[0].CrashRunner("llama3.2"));
    }
}
