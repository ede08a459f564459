using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// Requests in flight through the silo's own metering gateway make the resource collector count the
/// host as busy and sample it at the busy cadence; the simulator serving the port is the server.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class GatewayActivityTests : IDisposable
{
    private readonly DirectoryInfo emptySys = Directory.CreateTempSubdirectory("sys-");

    public void Dispose() => emptySys.Delete(recursive: true);

    [Fact]
    public async Task TrafficThroughTheGateway_CountsAsBusy_WhileTheSimulatorServingThePortIsTheServer()
    {
        await using var simulator = await SimulatorProcess.StartAsync(1, "--tokens-per-second", "25", "--response-tokens", "100");
        var host = $"127.0.0.1:{simulator.BasePort}";
        await using var busySilo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["OLLAMA_URL"] = simulator.OllamaUrls,
            ["COLLECT_INTERVAL"] = "2",
            ["Resources__IdleInterval"] = "00:00:05",
            ["Resources__BusyInterval"] = "00:00:00.25",
            ["Resources__NvmlLibrary"] = "/nonexistent/libnvidia-ml.so.1",
            ["Resources__SysRoot"] = emptySys.FullName,
        });
        await busySilo.WaitUntilReadyAsync();
        await Eventually.WithinAsync(TimeSpan.FromSeconds(20), busySilo.ScrapeAsync, s => s.Value("ollama_processes", ("host", host), ("role", "server")) == 1, s => s?.Text ?? "no scrape");

        // About four seconds of streamed tokens through the silo's own gateway.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.PostAsync(new Uri(busySilo.BaseUri, $"h/{host}/api/generate"), new StringContent("""{"model":"llama3.2","prompt":"count"}"""));
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync();

        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            busySilo.ScrapeAsync,
            s => s.Value("ollama_activity_seconds_total", ("host", host), ("state", "busy")) >= 3,
            s => s?.Text ?? "no scrape");
        Assert.Equal(0, scrape.Value("ollama_processes", ("host", host), ("role", "runner")));
        Assert.True(scrape.Value("ollama_activity_seconds_total", ("host", host), ("state", "busy")) <= 10, scrape.Text);
    }
}
