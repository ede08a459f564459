using System.Text.Json;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

public sealed class PsTests
{
    private const string Generate = "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"stream\":false,\"options\":{\"num_predict\":1}}";

    [Fact]
    public async Task Ps_NothingLoaded_IsEmptyArray()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.GetReplyAsync("/api/ps");

        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.Equal("{\"models\":[]}", reply.Body);
    }

    [Fact]
    public async Task Ps_AfterARequest_ExactEntry_ExpiresAtFinishPlusKeepAliveInLocalZone()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time);
        using var client = sim.Hosts[0].Client();
        Assert.Equal(200, (await client.PostAsync("/api/generate", Generate)).Status);
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(
            "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"size\":3390701568,"
            + "\"digest\":\"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72\","
            + "\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"llama\",\"families\":[\"llama\"],\"parameter_size\":\"3.2B\",\"quantization_level\":\"Q4_K_M\"},"
            + "\"expires_at\":\"2026-08-22T03:05:31.123-07:00\",\"size_vram\":3390701568,\"context_length\":32768}]}",
            (await client.GetReplyAsync("/api/ps")).Body);
    }

    [Fact]
    public async Task Ps_BeforeTheFirstRequestFinishes_EstimatesNowPlusKeepAliveOnEachCall()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time, o => o.With(tokensPerSecond: 1));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var cancel = new CancellationTokenSource();
        var busy = client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\"}", cancel.Token);
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").State == ModelState.Loaded, "the model to load");

        var first = ExpiresAt(await client.GetReplyAsync("/api/ps"));
        time.Advance(TimeSpan.FromSeconds(0.1));
        var second = ExpiresAt(await client.GetReplyAsync("/api/ps"));

        Assert.Equal("2026-08-22T03:05:31.123-07:00", first);
        Assert.Equal("2026-08-22T03:05:31.223-07:00", second);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => busy);
    }

    [Fact]
    public async Task Ps_WhileBusy_ExpiresAtKeepsItsPreviousValueEvenInThePast()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time, o => o.With(tokensPerSecond: 1));
        var host = sim.Hosts[0];
        using var client = host.Client();
        await host.LoadAsync("llama3.2");
        using var cancel = new CancellationTokenSource();
        var busy = client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\"}", cancel.Token);
        await TestSimulator.EventuallyAsync(() => host.GetModelState("llama3.2").RefCount == 1, "the request to attach");
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("2026-08-22T03:05:31.123-07:00", ExpiresAt(await client.GetReplyAsync("/api/ps")));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => busy);
    }

    [Fact]
    public async Task Ps_NegativeKeepAlive_ExpiresAroundYear2318()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time);
        using var client = sim.Hosts[0].Client();
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"keep_alive\":-1}");

        Assert.StartsWith("2318-12-", ExpiresAt(await client.GetReplyAsync("/api/ps")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ps_SortedByExpiresAtDescending()
    {
        var time = FakeClock.Create();
        await using var sim = await FakeClock.StartAsync(time);
        using var client = sim.Hosts[0].Client();
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"keep_alive\":\"1m\"}");
        await client.PostAsync("/api/generate", "{\"model\":\"qwen2.5:7b\",\"keep_alive\":\"1h\"}");
        await client.PostAsync("/api/embed", "{\"model\":\"nomic-embed-text\",\"keep_alive\":\"10m\"}");
        var names = (await client.GetReplyAsync("/api/ps")).Json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString());

        Assert.Equal(["qwen2.5:7b", "nomic-embed-text:latest", "llama3.2:latest"], names);
    }

    [Theory]
    [InlineData(24L, null, "llama3.2", 32768)]
    [InlineData(8L, null, "llama3.2", 4096)]
    [InlineData(48L, null, "llama3.2", 131072)]
    [InlineData(24L, 8192, "llama3.2", 8192)]
    [InlineData(24L, null, "nomic-embed-text", 2048)]
    [InlineData(24L, 2, "llama3.2", 4)]
    public async Task Ps_ContextLength_FollowsVramTierNumCtxAndTrainedContext(long vramGiB, int? numCtx, string model, int expected)
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(vramBytes: vramGiB * SimulatorOptions.GiB));
        using var client = sim.Hosts[0].Client();
        var options = numCtx is null ? "{}" : $"{{\"num_ctx\":{numCtx}}}";
        await client.PostAsync(model.StartsWith("nomic", StringComparison.Ordinal) ? "/api/embed" : "/api/generate", $"{{\"model\":\"{model}\",\"options\":{options}}}");
        var entry = (await client.GetReplyAsync("/api/ps")).Json.GetProperty("models")[0];

        Assert.Equal(expected, entry.GetProperty("context_length").GetInt32());
    }

    [Fact]
    public async Task Ps_ModelLargerThanVram_IsPartlyOffloaded()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(vramBytes: 2 * SimulatorOptions.GiB));
        using var client = sim.Hosts[0].Client();
        await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\"}");
        var entry = (await client.GetReplyAsync("/api/ps")).Json.GetProperty("models")[0];

        Assert.Equal(3_390_701_568, entry.GetProperty("size").GetInt64());
        Assert.Equal(2 * SimulatorOptions.GiB, entry.GetProperty("size_vram").GetInt64());
    }

    private static string ExpiresAt(Reply reply) => reply.Json.GetProperty("models")[0].GetProperty("expires_at").GetString()!;
}
