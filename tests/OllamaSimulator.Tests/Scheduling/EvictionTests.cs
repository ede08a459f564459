using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Scheduling;

public sealed class EvictionTests
{
    [Fact]
    public async Task MaxLoaded_EvictsTheIdleModelWithTheShortestKeepAlive()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(maxLoaded: 2));
        var host = sim.Hosts[0];
        using var client = host.Client();
        await host.LoadAsync("llama3.2", TimeSpan.FromMinutes(10));
        await host.LoadAsync("qwen2.5:7b", TimeSpan.FromMinutes(1));
        await host.LoadAsync("gemma3:4b");
        var names = (await client.GetReplyAsync("/api/ps")).Json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order();

        Assert.Equal(["gemma3:4b", "llama3.2:latest"], names);
        Assert.Equal(1, host.Counters.Evictions);
        Assert.Equal(1, host.GetModelState("qwen2.5:7b").Unloads);
    }

    /// <summary>server/sched.go ByDurationAndName: equal keep-alives are ordered by the model's blob path, not its name.</summary>
    [Fact]
    public async Task EqualKeepAlives_TheVictimIsTheFirstByBlobPath()
    {
        SimulatedModel byName = new() { Name = "a-first-by-name", Digest = new string('f', 64) };
        SimulatedModel byBlob = new() { Name = "b-first-by-blob", Digest = new string('0', 64) };
        await using var sim = await TestSimulator.StartAsync(o => o.With(maxLoaded: 2, models: [byName, byBlob, DefaultModels.Llama32]));
        var host = sim.Hosts[0];
        await host.LoadAsync(byName.Name, TimeSpan.FromMinutes(5));
        await host.LoadAsync(byBlob.Name, TimeSpan.FromMinutes(5));
        await host.LoadAsync("llama3.2", TimeSpan.FromMinutes(5));

        Assert.Equal(ModelState.Loaded, host.GetModelState(byName.Name).State);
        Assert.Equal(ModelState.Absent, host.GetModelState(byBlob.Name).State);
    }

    [Fact]
    public async Task BusyVictim_FinishesFirst_ThenTheNewModelLoads()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(maxLoaded: 1, tokensPerSecond: 50, responseTokens: 100_000));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var cancelBusy = new CancellationTokenSource();
        var busy = client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":100000}}", cancelBusy.Token);
        await TestSimulator.EventuallyAsync(() => host.Counters.GeneratedTokens > 0, "the first model to generate");
        var other = host.LoadAsync("qwen2.5:7b");
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Unloading, "the victim to be marked");

        Assert.Equal(ModelState.Absent, host.GetModelState("qwen2.5:7b").State);
        Assert.False(other.IsCompleted);
        await cancelBusy.CancelAsync();
        await other.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => busy);
        Assert.Equal(ModelState.Absent, host.GetModelState("llama3.2").State);
        Assert.Equal(ModelState.Loaded, host.GetModelState("qwen2.5:7b").State);
    }

    /// <summary>server/sched.go GetRunner: the fast path attaches to a loaded runner that needs no reload, even one marked for eviction.</summary>
    [Fact]
    public async Task VictimMarkedForEviction_StillTakesRequestsThatNeedNoReload()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(maxLoaded: 1, numParallel: 2, tokensPerSecond: 50, responseTokens: 100_000));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var cancelBusy = new CancellationTokenSource();
        var busy = client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":100000}}", cancelBusy.Token);
        await TestSimulator.EventuallyAsync(() => host.Counters.GeneratedTokens > 0, "the first model to generate");
        var other = host.LoadAsync("qwen2.5:7b");
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Unloading, "the victim to be marked");

        var late = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"stream\":false,\"options\":{\"num_predict\":1}}");

        Assert.Equal(200, late.Status);
        Assert.Equal(1, host.GetModelState("llama3.2").Loads);
        Assert.Equal(ModelState.Absent, host.GetModelState("qwen2.5:7b").State);
        await cancelBusy.CancelAsync();
        await other.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => busy);
        Assert.Equal(ModelState.Absent, host.GetModelState("llama3.2").State);
        Assert.Equal(ModelState.Loaded, host.GetModelState("qwen2.5:7b").State);
    }

    [Fact]
    public async Task ModelThatDoesNotFitBesideOthers_EvictsToMakeRoom()
    {
        // 8 GiB: qwen (6.0 GB) leaves 2.56 GB, and llama's 3.39 GB exceed 80 % of that.
        await using var sim = await TestSimulator.StartAsync(o => o.With(vramBytes: 8 * SimulatorOptions.GiB));
        var host = sim.Hosts[0];
        await host.LoadAsync("qwen2.5:7b");
        await host.LoadAsync("llama3.2");

        Assert.Equal(ModelState.Absent, host.GetModelState("qwen2.5:7b").State);
        Assert.Equal(ModelState.Loaded, host.GetModelState("llama3.2").State);
        Assert.Equal(1, host.Counters.Evictions);
    }

    [Fact]
    public async Task ModelThatFits_LoadsBesideTheOthers()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(vramBytes: 16 * SimulatorOptions.GiB));
        var host = sim.Hosts[0];
        await host.LoadAsync("qwen2.5:7b");
        await host.LoadAsync("llama3.2");

        Assert.Equal(ModelState.Loaded, host.GetModelState("qwen2.5:7b").State);
        Assert.Equal(0, host.Counters.Evictions);
    }
}
