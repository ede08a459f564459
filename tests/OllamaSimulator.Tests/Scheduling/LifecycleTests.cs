using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Scheduling;

/// <summary>absent → loading → loaded (busy/idle) → absent, on a fake clock.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Load_TakesTheLoadTime_AndIsNotInPsUntilReady()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time, o => o.With(loadTime: TimeSpan.FromSeconds(2)));
        var host = sim.Hosts[0];
        using var client = host.Client();
        var load = client.PostAsync("/api/generate", "{\"model\":\"llama3.2\"}");
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Loading, "the load to start");

        Assert.Equal("{\"models\":[]}", (await client.GetReplyAsync("/api/ps")).Body);
        time.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(20);
        Assert.False(load.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("load", (await load).Json.GetProperty("done_reason").GetString());
        Assert.Equal(ModelState.Loaded, host.GetModelState("llama3.2").State);
        Assert.Equal(1, host.Counters.Loads);
    }

    [Fact]
    public async Task IdleModel_UnloadsExactlyWhenItsKeepAliveRunsOut()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time);
        var host = sim.Hosts[0];
        await host.LoadAsync("llama3.2");

        Assert.Equal(FakeClock.Start + TimeSpan.FromMinutes(5), host.GetModelState("llama3.2").ExpiresAt);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.Equal(ModelState.Loaded, host.GetModelState("llama3.2").State);
        time.Advance(TimeSpan.FromTicks(1));

        var state = host.GetModelState("llama3.2");
        Assert.Equal(ModelState.Absent, state.State);
        Assert.Equal((1L, 1L), (state.Loads, state.Unloads));
        Assert.Equal(1, host.Counters.Unloads);
    }

    [Fact]
    public async Task KeepAlive_LastWriterWins_RequestsWithoutOneLeaveItAlone()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time);
        var host = sim.Hosts[0];
        using var client = host.Client();
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"keep_alive\":\"10m\"}");
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"stream\":false}");
        var afterSilent = host.GetModelState("llama3.2").KeepAlive;
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"keep_alive\":60}");

        Assert.Equal(TimeSpan.FromMinutes(10), afterSilent);
        Assert.Equal(TimeSpan.FromMinutes(1), host.GetModelState("llama3.2").KeepAlive);
    }

    [Fact]
    public async Task ANewRequest_RestartsTheIdleTimer()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time);
        var host = sim.Hosts[0];
        using var client = host.Client();
        await host.LoadAsync("llama3.2");
        time.Advance(TimeSpan.FromMinutes(4));
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"stream\":false}");
        time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(ModelState.Loaded, host.GetModelState("llama3.2").State);
        Assert.Equal(FakeClock.Start + TimeSpan.FromMinutes(9), host.GetModelState("llama3.2").ExpiresAt);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ModelState.Absent, host.GetModelState("llama3.2").State);
    }

    [Fact]
    public async Task LoadAsync_NegativeKeepAlive_IsForever()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time);
        var host = sim.Hosts[0];
        await host.LoadAsync("llama3.2", TimeSpan.FromSeconds(-1));
        time.Advance(TimeSpan.FromDays(60));

        Assert.Equal(OllamaSimulator.Json.GoDuration.Forever, host.GetModelState("llama3.2").KeepAlive);
        Assert.Equal(ModelState.Loaded, host.GetModelState("llama3.2").State);
    }

    [Fact]
    public async Task KeepAliveLongerThanATimerCanWait_StillUnloadsOnTime()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time);
        var host = sim.Hosts[0];
        await host.LoadAsync("llama3.2", TimeSpan.FromDays(60));
        time.Advance(TimeSpan.FromDays(59));
        var before = host.GetModelState("llama3.2").State;
        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(ModelState.Loaded, before);
        Assert.Equal(ModelState.Absent, host.GetModelState("llama3.2").State);
    }

    [Fact]
    public async Task ForeverKeepAlive_NeverUnloads()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time, o => o.With(keepAlive: TimeSpan.FromSeconds(-1)));
        var host = sim.Hosts[0];
        await host.LoadAsync("llama3.2");
        time.Advance(TimeSpan.FromDays(400));

        Assert.Equal(ModelState.Loaded, host.GetModelState("llama3.2").State);
    }

    [Fact]
    public async Task UnloadWhileBusy_StaysListedWithPastExpiry_UntilTheRequestEnds()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time, o => o.With(tokensPerSecond: 1));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var cancel = new CancellationTokenSource();
        var busy = client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\"}", cancel.Token);
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").RefCount == 1, "the request to attach");

        var unload = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"keep_alive\":0}");
        time.Advance(TimeSpan.FromSeconds(0.5));
        var ps = (await client.GetReplyAsync("/api/ps")).Json.GetProperty("models");

        Assert.Equal("unload", unload.Json.GetProperty("done_reason").GetString());
        Assert.Equal(ModelState.Unloading, host.GetModelState("llama3.2").State);
        Assert.Equal("2026-08-22T03:00:31.123-07:00", ps[0].GetProperty("expires_at").GetString());
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => busy);
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Absent, "the unload");
    }

    [Fact]
    public async Task ClientLeavingDuringItsLoad_AbortsTheLoad_AndCounts499()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time, o => o.With(loadTime: TimeSpan.FromSeconds(10)));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var cancel = new CancellationTokenSource();
        var request = client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\"}", cancel.Token);
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Loading, "the load to start");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Absent, "the load to be dropped");
        await TestSimulator.EventuallyAsync(() => host.Counters.RequestCount("POST /api/generate", 499) == 1, "the 499 to be counted");
        Assert.Equal(0, host.Counters.Loads);
    }
}
