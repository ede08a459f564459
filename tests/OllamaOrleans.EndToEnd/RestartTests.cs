using System.Net.Http.Json;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>The embedded default with <c>Monitor:StateDirectory</c>: a restart keeps counters and rolling windows.</summary>
[Collection(WaitingLane4.Name)]
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string stateDirectory = Directory.CreateTempSubdirectory("ollama-orleans-e2e-").FullName;
    private SimulatorProcess simulator = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorProcess.StartAsync(1);
        await simulator.LoadAsync(simulator.BasePort, "llama3.2", "10m");
    }

    public async Task DisposeAsync()
    {
        await simulator.DisposeAsync();
        Directory.Delete(stateDirectory, recursive: true);
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["OLLAMA_URL"] = simulator.OllamaUrls,
        ["COLLECT_INTERVAL"] = "1",
        // Probes every second whether or not a client uses the model; only the loaded one, so none loads.
        ["Monitor__Probes__Mode"] = "Always",
        ["Monitor__Probes__Models__0"] = "llama3.2",
        ["Monitor__Probes__Interval"] = "00:00:01",
        ["Monitor__StateDirectory"] = stateDirectory,
    };

    [Fact]
    public async Task Restart_ContinuesCountersAndKeepsTheDaysWindow()
    {
        var host = $"127.0.0.1:{simulator.BasePort}";
        double before;
        double pollsBefore;
        await using (var first = SiloProcess.Start(Settings()))
        {
            await first.WaitUntilReadyAsync();
            var scrape = await Eventually.WithinAsync(TimeSpan.FromSeconds(30), first.ScrapeAsync, s => Probes(s, host) >= 3, s => s?.Text ?? "no scrape");
            first.Process.Terminate();
            Assert.Equal(0, await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            before = Probes(await Task.FromResult(scrape), host);
            pollsBefore = scrape.Value("ollama_poll_duration_seconds_count", ("host", host), ("endpoint", "/api/ps")) ?? 0;
        }

        await using var second = SiloProcess.Start(Settings());
        await second.WaitUntilReadyAsync();
        var after = await Eventually.WithinAsync(TimeSpan.FromSeconds(30), second.ScrapeAsync, s => s.Value("ollama_up", ("host", host)) == 1 && Probes(s, host) > 0, s => s?.Text ?? "no scrape");

        Assert.True(Probes(after, host) >= before, $"probe requests went back from {before} to {Probes(after, host)}");
        Assert.True(after.Value("ollama_poll_duration_seconds_count", ("host", host), ("endpoint", "/api/ps")) > pollsBefore);
        using var http = new HttpClient();
        var day = await http.GetFromJsonAsync<JsonElement>(new Uri(second.BaseUri, "api/v1/analytics/models?window=24h&source=probe"));
        Assert.True(day.GetProperty("total").GetProperty("requests").GetInt64() >= before);
    }

    private static double Probes(Exposition s, string host) =>
        s.Named("ollama_requests_total").Where(x => x["host"] == host && x["source"] == "probe").Sum(x => x.Value);
}
