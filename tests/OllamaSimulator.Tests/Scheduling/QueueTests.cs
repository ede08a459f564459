using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Scheduling;

public sealed class QueueTests
{
    [Fact]
    public async Task FullQueue_Answers503WithOllamasText_LoadedModelsStillServed()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time, o => o.With(loadTime: TimeSpan.FromSeconds(10), maxQueue: 1, maxLoaded: 4));
        var host = sim.Hosts[0];
        using var client = host.Client();
        var loaded = host.LoadAsync("llama3.2");
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Loading, "the first load");
        time.Advance(TimeSpan.FromSeconds(10));
        await loaded;

        var loading = client.PostAsync("/api/generate", "{\"model\":\"qwen2.5:7b\"}");
        await TestSimulator.EventuallyAsync(() => host.GetModelState("qwen2.5:7b").State == ModelState.Loading, "the second load");
        var queued = client.PostAsync("/api/generate", "{\"model\":\"gemma3:4b\"}");
        await TestSimulator.EventuallyAsync(() => host.PendingLoads == 1, "a request to queue");
        var refused = await client.PostAsync("/api/generate", "{\"model\":\"deepseek-r1:8b\"}");
        var fastPath = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"stream\":false}");

        Assert.Equal(503, refused.Status);
        Assert.Equal("application/json; charset=utf-8", refused.ContentType);
        Assert.Equal("{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}", refused.Body);
        Assert.Equal(1, host.Counters.ServerBusy);
        Assert.Equal(1, host.Counters.RequestCount("POST /api/generate", 503));
        Assert.Equal(200, fastPath.Status);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(200, (await loading).Status);
        await TestSimulator.EventuallyAsync(() => host.GetModelState("gemma3:4b").State == ModelState.Loading, "the queued load");
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(200, (await queued).Status);
    }

    [Fact]
    public async Task Loads_AreServedOneAtATime()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time, o => o.With(loadTime: TimeSpan.FromSeconds(1)));
        var host = sim.Hosts[0];
        var first = host.LoadAsync("llama3.2");
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Loading, "the first load");
        var second = host.LoadAsync("qwen2.5:7b");
        await TestSimulator.EventuallyAsync(() => host.PendingLoads == 1, "the second to queue");

        Assert.Equal(ModelState.Absent, host.GetModelState("qwen2.5:7b").State);
        time.Advance(TimeSpan.FromSeconds(1));
        await first;
        await TestSimulator.EventuallyAsync(() => host.GetModelState("qwen2.5:7b").State == ModelState.Loading, "the second load");
        time.Advance(TimeSpan.FromSeconds(1));
        await second;
        Assert.Equal(2, host.Counters.Loads);
    }

    [Fact]
    public async Task RunnerOptionChange_ForcesAReload_PredictOptionsDoNot()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\"}");
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"options\":{\"num_ctx\":8192}}");
        var afterReload = host.GetModelState("llama3.2");
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"x\",\"options\":{\"num_ctx\":8192,\"num_predict\":1,\"temperature\":0.1,\"num_gpu\":-1}}");
        var afterPredictOptions = host.GetModelState("llama3.2");
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\"}");

        Assert.Equal((2L, 1L, 8192), (afterReload.Loads, afterReload.Unloads, afterReload.ContextLength));
        Assert.Equal(2, afterPredictOptions.Loads);
        // No options means the default num_ctx again, which differs from the loaded 8192: Ollama reloads.
        Assert.Equal((3L, 32768), (host.GetModelState("llama3.2").Loads, host.GetModelState("llama3.2").ContextLength));
        Assert.Equal(0, host.Counters.Evictions);
    }
}
