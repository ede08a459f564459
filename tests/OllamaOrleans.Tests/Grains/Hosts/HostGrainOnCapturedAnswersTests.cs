using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Grains.Hosts;

/// <summary>The host grain against a real HTTP server that answers with captured Ollama bodies.</summary>
[Collection(MonitorClusterCollection.Name)]
public sealed class HostGrainOnCapturedAnswersTests(ClusterFixture fixture) : IAsyncLifetime
{
    private FixtureOllamaServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FixtureOllamaServer.StartCapturedAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<(string Name, IOllamaHostGrain Grain)> StartHostAsync()
    {
        var name = TestHosts.UniqueName("captured");
        var grain = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        await grain.StartAsync(TestHosts.Registration(name, server.BaseUri));
        return (name, grain);
    }

    [Fact]
    public async Task PollNow_CurrentServer_PublishesVersionModelsAndResidency()
    {
        var (name, grain) = await StartHostAsync();

        var snapshot = await grain.PollNowAsync();

        Assert.True(snapshot.Up);
        Assert.Equal("0.32.15", snapshot.Version);
        Assert.Equal(3, snapshot.ModelsAvailable);
        Assert.Equal(2, snapshot.ModelsLoaded);
        Assert.Equal(1, snapshot.ModelsCloud);
        var cloud = snapshot.Models.Single(m => m.Name == "gpt-oss:120b-cloud");
        Assert.True(cloud.IsCloud);
        Assert.Equal(("https://ollama.com:443", "gpt-oss:120b"), (cloud.Available!.RemoteHost, cloud.Available.RemoteModel));
        Assert.Equal(["gpt-oss:120b-cloud"], snapshot.Models.Where(m => m.IsCloud).Select(m => m.Name));
        var llama = snapshot.Models.Single(m => m.Name == "llama3.2:latest");
        Assert.Equal(2019393189, llama.Available!.SizeBytes);
        Assert.Equal(3390701568, llama.Loaded!.VramBytes);
        Assert.Equal(4096, llama.Loaded.ContextLength);
        Assert.Equal(131072, llama.Details.ContextLength);
        Assert.Equal((0L, 0L), (llama.Loads, llama.Unloads));
        var published = fixture.Registry.Snapshots.Single(s => s.Name == name);
        Assert.Equal((snapshot.LastPollAt, 4), (published.LastPollAt, published.Models.Length));
        var model = await fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, "llama3.2:latest")).GetSnapshotAsync();
        Assert.Equal(3390701568, model!.Loaded!.MemoryBytes);
        Assert.All(snapshot.Endpoints, e => Assert.Equal(1, e.Count));
        Assert.All(snapshot.Endpoints, e => Assert.Empty(e.ErrorsByReason));
    }

    [Fact]
    public async Task PollNow_OldServerWithoutVersionEndpoint_IsUpWithUnknownVersion()
    {
        server.Forget("/api/version");
        server.ServeFixture("/api/tags", "tags-v0.1.20.json");
        server.ServeFixture("/api/ps", "ps-v0.1.38.json");
        var (_, grain) = await StartHostAsync();

        var snapshot = await grain.PollNowAsync();

        Assert.True(snapshot.Up);
        Assert.Equal("unknown", snapshot.Version);
        Assert.Equal(["llama2:latest", "mistral:7b"], snapshot.Models.Select(m => m.Name));
        Assert.Equal(0, snapshot.Models[0].Loaded!.VramBytes);
        Assert.Empty(snapshot.Endpoints.Single(e => e.Endpoint == "/api/version").ErrorsByReason);
    }

    [Fact]
    public async Task PollNow_ModelsLoadedAndUnloadedBetweenPolls_AreCounted()
    {
        server.Serve("/api/ps", 200, """{"models":[]}""");
        var (_, grain) = await StartHostAsync();
        await grain.PollNowAsync();

        server.ServeFixture("/api/ps", "ps-v0.32.json");
        var loaded = await grain.PollNowAsync();
        server.Serve("/api/ps", 200, """{"models":[]}""");
        var unloaded = await grain.PollNowAsync();

        Assert.Equal((1L, 0L), Counts(loaded, "llama3.2:latest"));
        Assert.Equal((1L, 0L), Counts(loaded, "nomic-embed-text:latest"));
        Assert.Equal((1L, 1L), Counts(unloaded, "llama3.2:latest"));
        Assert.Equal(0, unloaded.ModelsLoaded);
    }

    [Fact]
    public async Task PollNow_SteadyHost_ReadsTheListingEveryThirdPoll_CallsNoModelGrain_AndExportsTheStoredCounters()
    {
        server.Serve("/api/ps", 200, """{"models":[]}""");
        var (_, grain) = await StartHostAsync();
        var first = await grain.PollNowAsync();

        var steady = first;
        for (var i = 0; i < 3; i++)
        {
            steady = await grain.PollNowAsync();
        }

        // The listing is read by the first poll and, as a backstop, by the fourth (every third poll).
        Assert.Equal((4, 2, 4), (server.Hits["/api/version"], server.Hits["/api/tags"], server.Hits["/api/ps"]));
        Assert.Equal(3, steady.ModelsAvailable);
        Assert.Equal(first.Models.Select(m => (m.Name, m.Revision)), steady.Models.Select(m => (m.Name, m.Revision)));

        // Only latencies changed, so nothing was written: the poll counters exported are the stored ones.
        Assert.All(steady.Endpoints, e => Assert.Equal(1, e.Count));
        Assert.True(steady.LastPollAt > first.LastPollAt);
    }

    [Fact]
    public async Task PollNow_ModelLoadedAfterASteadyPoll_ReadsTheListingAgain_AndWritesTheCounters()
    {
        server.Serve("/api/ps", 200, """{"models":[]}""");
        var (_, grain) = await StartHostAsync();
        await grain.PollNowAsync();
        await grain.PollNowAsync();

        server.ServeFixture("/api/ps", "ps-v0.32.json");
        var loaded = await grain.PollNowAsync();

        Assert.Equal(2, server.Hits["/api/tags"]);
        Assert.Equal([3L, 2L, 3L], loaded.Endpoints.Select(e => e.Count));
        Assert.Equal((1L, 0L), Counts(loaded, "llama3.2:latest"));
    }

    [Fact]
    public async Task PollNow_MalformedPs_CountsItAndKeepsTheLastKnownResidency()
    {
        var (_, grain) = await StartHostAsync();
        await grain.PollNowAsync();

        server.Serve("/api/ps", 200, """{"models":[{"name":"llama3.2:latest","size":""");
        var snapshot = await grain.PollNowAsync();

        Assert.True(snapshot.Up);
        Assert.Equal(2, snapshot.ModelsLoaded);
        Assert.Equal(1, snapshot.Endpoints.Single(e => e.Endpoint == "/api/ps").ErrorsByReason["malformed"]);
        Assert.Contains("/api/ps answered with invalid JSON", snapshot.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollNow_ServerErrorOnVersion_IsDown()
    {
        server.Serve("/api/version", 500, """{"error":"boom"}""");
        var (_, grain) = await StartHostAsync();

        var snapshot = await grain.PollNowAsync();

        Assert.False(snapshot.Up);
        Assert.Equal(1, snapshot.Endpoints.Single(e => e.Endpoint == "/api/version").ErrorsByReason["http_5xx"]);
    }

    [Fact]
    public async Task PollNow_SlowerThanTheTimeout_IsATimeout()
    {
        server.Delay("/api/version", TimeSpan.FromSeconds(30));
        var (_, grain) = await StartHostAsync();

        var snapshot = await grain.PollNowAsync();

        Assert.False(snapshot.Up);
        var version = snapshot.Endpoints.Single(e => e.Endpoint == "/api/version");
        Assert.Equal(1, version.ErrorsByReason["timeout"]);
        Assert.InRange(version.SumSeconds, 1.9, 10.0);
    }

    [Fact]
    public async Task PollNow_ModelDeletedFromTheHost_IsRetiredAndItsSeriesGo()
    {
        var (name, grain) = await StartHostAsync();
        await grain.PollNowAsync();

        server.Serve("/api/tags", 200, """{"models":[]}""");
        server.Serve("/api/ps", 200, """{"models":[]}""");
        var snapshot = await grain.PollNowAsync();

        Assert.Empty(snapshot.Models);
        Assert.Null(await fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, "llama3.2:latest")).GetSnapshotAsync());
    }

    [Fact]
    public async Task PollNow_MoreModelsThanTheCap_TracksLoadedFirstAndCountsTheRest()
    {
        var tags = string.Join(",", Enumerable.Range(0, 8).Select(i => $$"""{"name":"m{{i}}:latest","size":{{i}}}"""));
        server.Serve("/api/tags", 200, $$"""{"models":[{{tags}}]}""");
        server.Serve("/api/ps", 200, """{"models":[{"name":"m7:latest","size":1,"size_vram":1}]}""");
        var (_, grain) = await StartHostAsync();

        var snapshot = await grain.PollNowAsync();

        Assert.Equal(["m0:latest", "m1:latest", "m2:latest", "m3:latest", "m7:latest"], snapshot.Models.Select(m => m.Name));
        Assert.Equal(3, snapshot.ModelsDropped);
    }

    private static (long Loads, long Unloads) Counts(HostSnapshot snapshot, string model)
    {
        var m = snapshot.Models.Single(x => x.Name == model);
        return (m.Loads, m.Unloads);
    }
}
