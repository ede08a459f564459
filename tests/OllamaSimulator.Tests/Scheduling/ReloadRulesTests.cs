using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Scheduling;

/// <summary>server/sched.go needsReload: which differences between a request and the loaded runner force a reload.</summary>
public sealed class ReloadRulesTests
{
    private static async Task<long> LoadsAfterAsync(SimulatedOllama host, params string[] bodies)
    {
        using var client = host.Client();
        foreach (var body in bodies)
        {
            var reply = await client.PostAsync("/api/generate", body);
            Assert.Equal(200, reply.Status);
        }

        return host.GetModelState("llama3.2").Loads;
    }

    /// <summary>
    /// server/sched.go applyAutomaticGenerationBatch: with a 32768 context (24 GiB tier) the automatic
    /// runner loads with num_batch 1024 (generationBatchForContext), so an explicit 512 reloads and an
    /// explicit 1024 does not; after that, an automatic request compares the default 512 with it.
    /// </summary>
    [Fact]
    public async Task ExplicitNumBatch_ComparesWithTheAutomaticBatchTheRunnerLoadedWith()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];

        Assert.Equal(1, await LoadsAfterAsync(host, "{\"model\":\"llama3.2\"}", "{\"model\":\"llama3.2\",\"options\":{\"num_batch\":1024}}"));
        Assert.Equal(2, await LoadsAfterAsync(host, "{\"model\":\"llama3.2\",\"options\":{\"num_batch\":512}}"));
        Assert.Equal(2, await LoadsAfterAsync(host, "{\"model\":\"llama3.2\"}"));
    }

    /// <summary>server/sched.go generationBatchForContext: 512 up to a 4096 context, 1024 up to 32768, 2048 above.</summary>
    [Theory]
    [InlineData(4096, 512)]
    [InlineData(32_768, 1024)]
    [InlineData(65_536, 2048)]
    public async Task AutomaticBatch_FollowsTheContext(int contextLength, int batch)
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(contextLength: contextLength));
        var host = sim.Hosts[0];

        Assert.Equal(1, await LoadsAfterAsync(host, "{\"model\":\"llama3.2\"}", $"{{\"model\":\"llama3.2\",\"options\":{{\"num_batch\":{batch}}}}}"));
    }

    /// <summary>
    /// api/types.go Runner: <c>main_gpu</c> is a pointer, so an explicit 0 differs from none;
    /// <c>draft_num_predict</c> is compared too; the context shift (request <c>shift</c>, else the model's
    /// support, server/sched.go resolveContextShift) must match.
    /// </summary>
    [Theory]
    [InlineData("{\"model\":\"llama3.2\",\"options\":{\"main_gpu\":0}}", 2)]
    [InlineData("{\"model\":\"llama3.2\",\"options\":{\"draft_num_predict\":4}}", 2)]
    [InlineData("{\"model\":\"llama3.2\",\"shift\":false}", 2)]
    [InlineData("{\"model\":\"llama3.2\",\"shift\":true}", 1)]
    [InlineData("{\"model\":\"llama3.2\",\"options\":{\"num_gpu\":-1,\"draft_num_predict\":0}}", 1)]
    public async Task RunnerOptions_ThatReload(string second, long loads)
    {
        await using var sim = await TestSimulator.StartAsync();

        Assert.Equal(loads, await LoadsAfterAsync(sim.Hosts[0], "{\"model\":\"llama3.2\"}", second));
    }
}
