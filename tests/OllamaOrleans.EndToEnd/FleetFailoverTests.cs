using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// <c>/fleet/…</c> when hosts go down between polls: the silo polls once a minute, so for that minute
/// it still counts the stopped hosts as up and routes to them first (lowest name), and each refuses
/// the connection. The request goes to the next host that has the model, up to three hosts.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FleetFailoverTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private SimulatorProcess simulator = null!;
    private SiloProcess silo = null!;

    private int Port(int index) => simulator.BasePort + index;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorProcess.StartAsync(5, "--load-ms", "0");
        foreach (var index in new[] { 0, 1 })
        {
            await simulator.LoadAsync(Port(index), "gemma3:4b", "30m");
        }

        foreach (var index in new[] { 0, 2, 3, 4 })
        {
            await simulator.LoadAsync(Port(index), "qwen2.5:7b", "30m");
        }

        silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["OLLAMA_URL"] = simulator.OllamaUrls,
            ["COLLECT_INTERVAL"] = "60",
            ["Monitor__Probes__Mode"] = "Off",
            ["Gateway__ClientHeader"] = "X-Client",
        });
        await silo.WaitUntilReadyAsync();
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(20),
            silo.ScrapeAsync,
            s => s.Named("ollama_model_loaded").Count(x => x.Value == 1) == 6,
            s => s?.Text ?? "no scrape");
        foreach (var index in new[] { 0, 2, 3 })
        {
            await simulator.SetFaultAsync(Port(index), "down");
        }
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public async Task HostDownSinceItsLastPoll_TheNextHostWithTheModelAnswers_AndTheRefusalIsCountedForTheDownHost()
    {
        var before = await simulator.GeneratesAsync(Port(1));
        for (var i = 0; i < 3; i++)
        {
            using var answer = await GenerateAsync("gemma3:4b", "failover");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("gemma3:4b", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("model").GetString());
        }

        Assert.Equal(before + 3, await simulator.GeneratesAsync(Port(1)));
        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            silo.ScrapeAsync,
            s => s.Value("ollama_requests_total", ("host", Name(0)), ("model", "gemma3:4b"), ("endpoint", "generate"), ("method", "POST"), ("status", "refused"), ("source", "traffic")) == 3
                && s.Value("ollama_requests_total", ("host", Name(1)), ("model", "gemma3:4b"), ("endpoint", "generate"), ("method", "POST"), ("status", "200"), ("source", "traffic")) == 3,
            s => s?.Text ?? "no scrape");
        Assert.Equal(3, scrape.Value("ollama_gateway_requests_total", ("host", Name(0)), ("endpoint", "generate"), ("status", "refused")));
        Assert.Equal(3, scrape.Value("ollama_gateway_requests_total", ("host", Name(1)), ("endpoint", "generate"), ("status", "200")));
        Assert.Equal([("2xx", 3.0)], scrape.Named("ollama_client_requests_total").Where(s => s["client"] == "failover").Select(s => (s["status_class"], s.Value)));
    }

    [Fact]
    public async Task ThreeHostsRefuse_TheRequestIs502NamingTheLast_AndAFourthIsNotTried()
    {
        var before = await simulator.GeneratesAsync(Port(4));
        using var answer = await GenerateAsync("qwen2.5:7b", "capped");

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.Equal($"{{\"error\":\"ollama host '{Name(3)}' refused the connection\"}}", await answer.Content.ReadAsStringAsync());
        Assert.Equal(before, await simulator.GeneratesAsync(Port(4)));
        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            silo.ScrapeAsync,
            s => s.Named("ollama_requests_total").Count(x => x["model"] == "qwen2.5:7b" && x["source"] == "traffic") == 3,
            s => s?.Text ?? "no scrape");
        Assert.Equal(
            [(Name(0), 1.0), (Name(2), 1.0), (Name(3), 1.0)],
            scrape.Named("ollama_requests_total").Where(s => s["model"] == "qwen2.5:7b" && s["source"] == "traffic").Select(s => (s["host"], s.Value)).Order());
        Assert.All(scrape.Named("ollama_requests_total").Where(s => s["model"] == "qwen2.5:7b" && s["source"] == "traffic"), s => Assert.Equal("refused", s["status"]));
        Assert.Equal([("error", 1.0)], scrape.Named("ollama_client_requests_total").Where(s => s["client"] == "capped").Select(s => (s["status_class"], s.Value)));
    }

    private string Name(int index) => $"127.0.0.1:{Port(index)}";

    private async Task<HttpResponseMessage> GenerateAsync(string model, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.BaseUri, "fleet/api/generate"))
        {
            Content = JsonContent.Create(new { model, prompt = "hi", stream = false, options = new { num_predict = 3 } }),
        };
        request.Headers.Add("X-Client", client);
        return await Http.SendAsync(request);
    }
}
