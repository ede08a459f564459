using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Statistics;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Grains.Models;

/// <summary>Gateway records of cloud models reach their model grain and are kept apart from local inference.</summary>
[Collection(MonitorClusterCollection.Name)]
public sealed class CloudModelTrafficTests(ClusterFixture fixture) : IAsyncLifetime
{
    private FixtureOllamaServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FixtureOllamaServer.StartCapturedAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static InferenceRecord Traffic(long tokens) =>
        new(DateTimeOffset.UtcNow, InferenceSources.Traffic, "chat", "POST", "200", 0.5, 0.1, null, 10, 0.05, tokens, 0.4);

    private static long Tokens(ModelSnapshot model, string source) =>
        model.Inference.Where(i => i.Source == source).Sum(i => i.GenerationTokens);

    [Fact]
    public async Task Record_CloudModelListedByTags_CountsAsCloudNotTraffic()
    {
        var name = TestHosts.UniqueName("cloud");
        var host = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        await host.StartAsync(TestHosts.Registration(name, server.BaseUri));
        await host.PollNowAsync();

        var cloud = await fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, "gpt-oss:120b-cloud")).RecordAsync([Traffic(7), Traffic(5)]);
        var local = await fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, "llama3.2:latest")).RecordAsync([Traffic(3)]);

        Assert.Equal([InferenceSources.Cloud], cloud.Inference.Select(i => i.Source));
        Assert.Equal(12, Tokens(cloud, InferenceSources.Cloud));
        Assert.Equal([InferenceSources.Traffic], local.Inference.Select(i => i.Source));
        Assert.Equal(3, Tokens(local, InferenceSources.Traffic));
        var published = (await host.GetSnapshotAsync())!.Models.Single(m => m.Name == "gpt-oss:120b-cloud");
        Assert.Equal(2, published.Inference.Single(i => i.Source == InferenceSources.Cloud).Requests.Sum(r => r.Count));
    }

    [Fact]
    public async Task Record_RemoteHostWithoutCloudTag_CountsAsCloud()
    {
        var name = TestHosts.UniqueName("cloud");
        server.Serve("/api/tags", 200, """{"models":[{"name":"team-gpt:latest","model":"team-gpt:latest","remote_model":"gpt-oss:120b","remote_host":"https://ollama.example:443","size":384,"digest":"5696"}]}""");
        var host = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        await host.StartAsync(TestHosts.Registration(name, server.BaseUri));
        var snapshot = await host.PollNowAsync();

        var model = await fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, "team-gpt:latest")).RecordAsync([Traffic(4)]);

        Assert.True(snapshot.Models.Single(m => m.Name == "team-gpt:latest").IsCloud);
        Assert.Equal((0, 1), (snapshot.ModelsAvailable, snapshot.ModelsCloud));
        Assert.Equal(4, Tokens(model, InferenceSources.Cloud));
        Assert.Equal(0, Tokens(model, InferenceSources.Traffic));
    }

    [Fact]
    public async Task Record_CloudTagBeforeAnyPoll_CountsAsCloud()
    {
        var model = await fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(TestHosts.UniqueName("cloud"), "qwen3-coder:480b-cloud")).RecordAsync([Traffic(2)]);

        Assert.Equal([InferenceSources.Cloud], model.Inference.Select(i => i.Source));
    }
}
