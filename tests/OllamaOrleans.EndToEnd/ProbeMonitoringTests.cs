using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// Synthetic probes end to end: silo and simulator as processes, probes every second at most
/// (<c>Monitor__Probes__Interval=00:00:01</c>), models loaded on some hosts and not on others. LoadedOnly
/// probes follow clients' requests, so the tests play clients that send no keep_alive, as the ollama
/// CLI does.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ProbeMonitoringTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private SimulatorProcess simulator = null!;
    private SiloProcess silo = null!;

    private int HostA => simulator.BasePort;

    private int HostB => simulator.BasePort + 1;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorProcess.StartAsync(2);
        await simulator.LoadAsync(HostA, "llama3.2", "10m");
        await simulator.LoadAsync(HostB, "llama3.2", "10m");
        await simulator.LoadAsync(HostB, "gemma3:4b", -1);
        silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["OLLAMA_URL"] = simulator.OllamaUrls,
            ["COLLECT_INTERVAL"] = "1",
            ["Monitor__Probes__Interval"] = "00:00:01",
        });
        await silo.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public async Task TenCycles_ProbesFollowClients_CauseNoLoad_AndKeepTheOwnersKeepAlive()
    {
        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(40),
            ClientsUseThenScrapeAsync,
            s => ProbeRequests(s, HostA, "llama3.2:latest") >= 10,
            s => s?.Text ?? "no scrape");

        Assert.Equal(1, (await simulator.StatsAsync(HostA)).GetProperty("loads").GetInt64());
        Assert.Equal(2, (await simulator.StatsAsync(HostB)).GetProperty("loads").GetInt64());
        Assert.Equal("10m0s", (await simulator.ModelStateAsync(HostA, "llama3.2:latest")).GetProperty("keep_alive").GetString());
        Assert.Equal("forever", (await simulator.ModelStateAsync(HostB, "gemma3:4b")).GetProperty("keep_alive").GetString());
        Assert.DoesNotContain(scrape.Named("ollama_requests_total"), s => s["model"] == "qwen2.5:7b");
        var host = $"127.0.0.1:{HostA}";
        Assert.Equal(1, scrape.Value("ollama_probe_success", ("host", host), ("model", "llama3.2:latest")));
        Assert.True(scrape.Value("ollama_generation_tokens_total", ("host", host), ("model", "llama3.2:latest"), ("source", "probe")) >= 10);
        Assert.True(scrape.Value("ollama_time_to_first_token_seconds_count", ("host", host), ("model", "llama3.2:latest"), ("source", "probe")) >= 10);
        Assert.NotNull(scrape.Value("ollama_request_duration_seconds_bucket", ("host", host), ("model", "llama3.2:latest"), ("endpoint", "generate"), ("source", "probe"), ("le", "+Inf")));
        Assert.NotNull(scrape.Value("ollama_tokens_per_second", ("host", host), ("model", "llama3.2:latest"), ("source", "probe")));
        var (exit, output) = await Promtool.CheckMetricsAsync(scrape.Text);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Analytics_RanksModelsByTheWindowsRequests()
    {
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(40),
            ClientsUseThenScrapeAsync,
            s => ProbeRequests(s, HostA, "llama3.2:latest") >= 4 && ProbeRequests(s, HostB, "gemma3:4b") >= 1,
            s => s?.Text ?? "no scrape");

        var fleet = await Http.GetFromJsonAsync<JsonElement>(new Uri(silo.BaseUri, "api/v1/analytics/models?window=5m"));
        var hostB = await Http.GetFromJsonAsync<JsonElement>(new Uri(silo.BaseUri, $"api/v1/analytics/models?window=1h&host=127.0.0.1:{HostB}&source=probe"));

        Assert.Equal("5m", fleet.GetProperty("window").GetString());
        Assert.Equal("llama3.2:latest", fleet.GetProperty("top").GetProperty("requests")[0].GetString());
        var llama = fleet.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "llama3.2:latest");
        Assert.Equal(2, llama.GetProperty("hosts").GetArrayLength());
        Assert.True(llama.GetProperty("stats").GetProperty("latency").GetProperty("p95").GetDouble() > 0);
        Assert.Equal(2, fleet.GetProperty("hosts").GetArrayLength());
        Assert.Single(hostB.GetProperty("hosts").EnumerateArray());
        Assert.Equal(
            hostB.GetProperty("total").GetProperty("requests").GetInt64(),
            hostB.GetProperty("models").EnumerateArray().Sum(m => m.GetProperty("stats").GetProperty("requests").GetInt64()));
    }

    [Theory]
    [InlineData("api/v1/analytics/models?window=2h", 400, "window")]
    [InlineData("api/v1/analytics/models?source=robots", 400, "source")]
    [InlineData("api/v1/analytics/models?limit=0", 400, "limit")]
    [InlineData("api/v1/analytics/models?host=nobody", 404, "host")]
    public async Task Analytics_BadQuery_IsAProblemNamingTheField(string path, int status, string field)
    {
        using var response = await Http.GetAsync(new Uri(silo.BaseUri, path));

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    /// <summary>Clients use the loaded models, sending no keep_alive; each poll that sees it lets a probe follow.</summary>
    private async Task<Exposition> ClientsUseThenScrapeAsync()
    {
        await simulator.LoadAsync(HostA, "llama3.2");
        await simulator.LoadAsync(HostB, "llama3.2");
        await simulator.LoadAsync(HostB, "gemma3:4b");
        return await silo.ScrapeAsync();
    }

    private static double ProbeRequests(Exposition s, int port, string model) =>
        s.Named("ollama_requests_total").Where(x => x["host"] == $"127.0.0.1:{port}" && x["model"] == model && x["source"] == "probe").Sum(x => x.Value);
}
