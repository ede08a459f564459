using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Scheduling;

/// <summary>Parallel slots, waiting for them, and client disconnects, with real (slow) token pacing.</summary>
public sealed class SlotTests
{
    private const string Long = "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":100000}}";

    [Fact]
    public async Task OneSlot_SecondRequestWaits_UntilTheFirstClientDisconnects()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 50, responseTokens: 100_000));
        var host = sim.Hosts[0];
        using var client = host.Client();
        var first = await StartStreamAsync(client);
        await first.Reader.ReadLineAsync();
        var second = StartStreamAsync(client);
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").RefCount == 2, "the second request to attach");
        var tokensBefore = host.Counters.GeneratedTokens;

        // Its headers go out with its first token, which needs the only slot.
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        first.Dispose();

        using var running = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("\"done\":false", await running.Reader.ReadLineAsync(), StringComparison.Ordinal);
        Assert.True(host.Counters.GeneratedTokens > tokensBefore);
    }

    [Fact]
    public async Task TwoSlots_BothRequestsGenerateAtOnce()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 50, responseTokens: 100_000, numParallel: 2));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var first = await StartStreamAsync(client);
        await first.Reader.ReadLineAsync();
        using var second = await StartStreamAsync(client).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("\"done\":false", await second.Reader.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Equal(2, host.GetModelState("llama3.2").RefCount);
    }

    [Fact]
    public async Task EmbeddingOnlyModel_HasOneSlotWhateverNumParallelSays()
    {
        // At 1 token/s each one-letter input takes 0.3 s of prompt evaluation.
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 1, numParallel: 4));
        var host = sim.Hosts[0];
        using var client = host.Client();
        await host.LoadAsync("nomic-embed-text");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var finished = await Task.WhenAll(
            client.PostAsync("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":\"a\"}").ContinueWith(_ => clock.Elapsed, TaskScheduler.Default),
            client.PostAsync("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":\"b\"}").ContinueWith(_ => clock.Elapsed, TaskScheduler.Default));

        // One after the other, not side by side.
        Assert.True((finished.Max() - finished.Min()).TotalSeconds >= 0.25, $"finished at {finished[0]} and {finished[1]}");
    }

    [Fact]
    public async Task Disconnect_MidStream_FreesTheSlot_StartsTheIdleTimer_NoFinalObject()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 50, responseTokens: 100_000));
        var host = sim.Hosts[0];
        using var client = host.Client();
        var stream = await StartStreamAsync(client);
        await stream.Reader.ReadLineAsync();
        stream.Dispose();

        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").RefCount == 0, "the slot to be freed");
        var state = host.GetModelState("llama3.2");
        Assert.Equal(ModelState.Loaded, state.State);
        Assert.InRange(state.ExpiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5));
        var generated = host.Counters.GeneratedTokens;
        await Task.Delay(100);
        Assert.Equal(generated, host.Counters.GeneratedTokens);
        Assert.Equal(1, host.Counters.RequestCount("POST /api/generate", 200));
    }

    private static async Task<OpenStream> StartStreamAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/generate") { Content = new StringContent(Long) };
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new OpenStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    private sealed record OpenStream(HttpResponseMessage Response, StreamReader Reader) : IDisposable
    {
        public void Dispose()
        {
            Reader.Dispose();
            Response.Dispose();
        }
    }
}
