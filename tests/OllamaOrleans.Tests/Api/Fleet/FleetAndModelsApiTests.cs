using System.Net;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Api.Fleet;

/// <summary>The fleet summary, a host's models and one model's state and statistics, from captured Ollama answers.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class FleetAndModelsApiTests(ClusterFixture fixture) : IAsyncLifetime
{
    private FixtureOllamaServer ollama = null!;
    private TestApi api = null!;
    private HttpClient reader = null!;
    private string host = null!;

    public async Task InitializeAsync()
    {
        ollama = await FixtureOllamaServer.StartCapturedAsync();
        host = TestHosts.UniqueName("summary");
        await fixture.Fleet.CreateAsync(TestHosts.Registration(host, ollama.BaseUri));
        await fixture.Grains.GetGrain<IOllamaHostGrain>(host).PollNowAsync();
        api = await fixture.StartApiAsync(ApiKeySpec.Reader);
        reader = api.With(ApiKeySpec.Reader);
    }

    public async Task DisposeAsync()
    {
        reader.Dispose();
        await api.DisposeAsync();
        await fixture.Fleet.DeleteAsync(host);
        await ollama.DisposeAsync();
    }

    [Fact]
    public async Task FleetSummary_CountsHostsModelsAndVram()
    {
        var snapshot = (await fixture.Grains.GetGrain<IOllamaHostGrain>(host).GetSnapshotAsync())!;
        var loaded = snapshot.Models.Where(m => m.Loaded is not null).ToList();

        var fleet = await (await reader.GetAsync("api/v1/fleet")).JsonAsync();

        var mine = fleet.GetProperty("perHost").EnumerateArray().Single(h => h.GetProperty("name").GetString() == host);
        Assert.True(mine.GetProperty("up").GetBoolean());
        Assert.Equal(loaded.Count, mine.GetProperty("modelsLoaded").GetInt32());
        Assert.Equal(loaded.Sum(m => m.Loaded!.VramBytes), mine.GetProperty("vramBytes").GetInt64());
        Assert.Equal(loaded.Select(m => m.Name), mine.GetProperty("loadedModels").EnumerateArray().Select(e => e.GetString()));
        Assert.True(loaded.Count > 0 && loaded.Sum(m => m.Loaded!.VramBytes) > 0, "the captured /api/ps has loaded models with VRAM");
        var all = fleet.GetProperty("perHost").EnumerateArray().ToList();
        Assert.Equal(all.Count, fleet.GetProperty("hosts").GetInt32());
        Assert.Equal(all.Count(h => h.GetProperty("up").ValueKind == System.Text.Json.JsonValueKind.True), fleet.GetProperty("up").GetInt32());
        Assert.Equal(all.Sum(h => h.GetProperty("vramBytes").GetInt64()), fleet.GetProperty("vramBytes").GetInt64());
    }

    [Fact]
    public async Task Host_ShowsItsLastPoll()
    {
        var view = await (await reader.GetAsync($"api/v1/hosts/{host}")).JsonAsync();

        var status = view.GetProperty("status");
        Assert.True(status.GetProperty("up").GetBoolean());
        Assert.Equal("0.32.15", status.GetProperty("version").GetString());
        Assert.Equal(0, status.GetProperty("modelsUntracked").GetInt64());
    }

    [Fact]
    public async Task Models_ListsWhatThePollSaw_AndOneModelHasStateAndStatistics()
    {
        var snapshot = (await fixture.Grains.GetGrain<IOllamaHostGrain>(host).GetSnapshotAsync())!;
        var loaded = snapshot.Models.First(m => m.Loaded is not null);

        var models = await (await reader.GetAsync($"api/v1/hosts/{host}/models")).JsonAsync();
        var detail = await (await reader.GetAsync($"api/v1/hosts/{host}/models/{loaded.Name}")).JsonAsync();

        Assert.Equal(snapshot.Models.Select(m => m.Name), models.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var state = detail.GetProperty("state");
        Assert.Equal((loaded.Name, true, loaded.Loaded!.VramBytes), (state.GetProperty("name").GetString(), state.GetProperty("loaded").GetBoolean(), state.GetProperty("vramBytes").GetInt64()));
        Assert.Equal(["1m", "5m", "1h", "24h"], detail.GetProperty("statistics").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, detail.GetProperty("statistics").GetProperty("1h").GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task UnknownHostOrModel_Is404NamingIt()
    {
        await ProblemAssert.IsAsync(await reader.GetAsync("api/v1/hosts/no-such-host/models"), HttpStatusCode.NotFound, "name");
        await ProblemAssert.IsAsync(await reader.GetAsync($"api/v1/hosts/{host}/models/library/no-such:model"), HttpStatusCode.NotFound, "model");
        await ProblemAssert.IsAsync(await reader.GetAsync($"api/v1/hosts/{host}/models/x?source=gateway"), HttpStatusCode.BadRequest, "source");
    }

    [Theory]
    [InlineData("probe")]
    [InlineData("traffic")]
    [InlineData("cloud")]
    public async Task EverySourceTheSeriesCarry_IsAFilterOfTheModelAndAnalyticsReads(string source)
    {
        var model = (await fixture.Grains.GetGrain<IOllamaHostGrain>(host).GetSnapshotAsync())!.Models[0].Name;

        using var detail = await reader.GetAsync($"api/v1/hosts/{host}/models/{model}?source={source}");
        using var analytics = await reader.GetAsync($"api/v1/analytics/models?source={source}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (detail.StatusCode, analytics.StatusCode));
    }
}
