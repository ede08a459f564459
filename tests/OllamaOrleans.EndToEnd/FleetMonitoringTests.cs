using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// The Foundation's acceptance run: the simulator and the silo as real processes, configured the way
/// the original exporter was (OLLAMA_URL, EXPORTER_PORT, COLLECT_INTERVAL).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FleetMonitoringTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private SimulatorProcess simulator = null!;
    private SiloProcess silo = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorProcess.StartAsync(3);
        silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["OLLAMA_URL"] = simulator.OllamaUrls,
            ["COLLECT_INTERVAL"] = "2",

            // Polling only: a LoadedOnly probe follows the poll that sees a load, and an unload sent
            // between its /api/ps read and its request would have it load the model again.
            ["Monitor__Probes__Mode"] = "Off",
        });
        await silo.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await simulator.DisposeAsync();
    }

    private string HostName(int port) => $"127.0.0.1:{port}";

    [Fact]
    public async Task Silo_ShowsEveryHostUpWithItsModels_Within10Seconds()
    {
        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            silo.ScrapeAsync,
            s => simulator.Ports.All(p => s.Value("ollama_up", ("host", HostName(p))) == 1),
            s => s?.Text ?? "no scrape");

        foreach (var port in simulator.Ports)
        {
            var host = HostName(port);
            Assert.True(scrape.Value("ollama_models_available", ("host", host)) > 0, $"{host} lists no models");
            Assert.Equal(0, scrape.Value("ollama_models_loaded", ("host", host)));
            Assert.NotNull(scrape.Value("ollama_build_info", ("host", host), ("version", "0.32.15")));
            Assert.Contains(scrape.Named("ollama_model_size_bytes"), s => s["host"] == host && s["model"] == "llama3.2:latest" && s.Value > 0);
        }
    }

    [Fact]
    public async Task LoadingAModel_ShowsItLoadedAndCountsTheLoad_WithinTwoIntervals()
    {
        var port = simulator.BasePort;
        var host = HostName(port);
        await WaitUpAsync(host);

        await simulator.LoadAsync(port, "llama3.2");

        var scrape = await Eventually.WithinAsync(
            2 * Interval,
            silo.ScrapeAsync,
            s => s.Value("ollama_model_loaded", ("host", host), ("model", "llama3.2:latest")) == 1
                && s.Value("ollama_model_loads_total", ("host", host), ("model", "llama3.2:latest")) == 1,
            s => s?.Text ?? "no scrape");
        Assert.Equal(1, scrape.Value("ollama_models_loaded", ("host", host)));
        Assert.True(scrape.Value("ollama_model_memory_bytes", ("host", host), ("model", "llama3.2:latest")) > 0);
        Assert.NotNull(scrape.Value("ollama_model_expires_at_timestamp_seconds", ("host", host), ("model", "llama3.2:latest")));

        await simulator.UnloadAsync(port, "llama3.2");
        await Eventually.WithinAsync(
            2 * Interval,
            silo.ScrapeAsync,
            s => s.Value("ollama_model_loaded", ("host", host), ("model", "llama3.2:latest")) == 0
                && s.Value("ollama_model_unloads_total", ("host", host), ("model", "llama3.2:latest")) == 1,
            s => s?.Text ?? "no scrape");
    }

    [Fact]
    public async Task HostTakenDown_IsDownWithinTwoIntervals_AndUpAgainWhenHealed()
    {
        var port = simulator.BasePort + 1;
        var host = HostName(port);
        await WaitUpAsync(host);

        await simulator.SetFaultAsync(port, "down");
        var down = await Eventually.WithinAsync(2 * Interval, silo.ScrapeAsync, s => s.Value("ollama_up", ("host", host)) == 0, s => s?.Text ?? "no scrape");
        Assert.True(down.Value("ollama_poll_errors_total", ("host", host), ("endpoint", "/api/version"), ("reason", "refused")) >= 1);
        Assert.Equal(1, down.Value("ollama_up", ("host", HostName(simulator.BasePort))));

        await simulator.SetFaultAsync(port, "none");
        await Eventually.WithinAsync(2 * Interval, silo.ScrapeAsync, s => s.Value("ollama_up", ("host", host)) == 1, s => s?.Text ?? "no scrape");
        Assert.Single(silo.Process.Output, l => l.Contains($"Ollama host {host}", StringComparison.Ordinal) && l.Contains("went down", StringComparison.Ordinal));
        Assert.Single(silo.Process.Output, l => l.Contains($"Ollama host {host}", StringComparison.Ordinal) && l.Contains("is up again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scrape_PassesPromtool_AlsoWithAModelNamedWithQuoteBackslashAndNewline()
    {
        const string weird = "we\"ird\\na\nme:latest";
        await simulator.AddModelAsync(simulator.BasePort + 2, new { name = weird, unchecked_name = true, size = 1234, digest = new string('a', 64), details = new { format = "gguf", family = "llama", parameter_size = "1B", quantization_level = "Q4_0" } });

        var scrape = await Eventually.WithinAsync(
            2 * Interval + TimeSpan.FromSeconds(10),
            silo.ScrapeAsync,
            s => s.Named("ollama_model_size_bytes").Any(x => x["model"] == weird),
            s => s?.Text ?? "no scrape");

        var (exit, output) = await Promtool.CheckMetricsAsync(scrape.Text);
        Assert.True(exit == 0, $"promtool check metrics failed ({exit}):\n{output}");
        Assert.Equal("", output.Trim());
    }

    [Fact]
    public async Task SiloHttpPort_ServesHealthReadinessDashboardAndLandingPage()
    {
        Assert.True((await silo.GetAsync("healthz")).IsSuccessStatusCode);
        Assert.True((await silo.GetAsync("ready")).IsSuccessStatusCode);
        var dashboard = await silo.GetAsync("dashboard/");
        Assert.True(dashboard.IsSuccessStatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var landing = await silo.GetAsync("");
        Assert.Contains("href=\"metrics\"", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Workstation garbage collector, as built", silo.Process.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_HasTheSilosProcessSeries_ThatTheDashboardCharts()
    {
        var scrape = await silo.ScrapeAsync();

        Assert.True(scrape.Value("process_cpu_seconds_total") > 0, scrape.Text);
        Assert.True(scrape.Value("process_working_set_bytes") > 50_000_000, scrape.Text);
        Assert.True(scrape.Value("process_open_handles") > 10, scrape.Text);
        Assert.Single(scrape.Named("process_start_time_seconds"));
        Assert.Equal(["0", "1", "2"], scrape.Named("dotnet_collection_count_total").Select(s => s["generation"]));
        Assert.Empty(scrape.NamesOutside(Exposition.MonitorPrefixes));
    }

    private async Task WaitUpAsync(string host) =>
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), silo.ScrapeAsync, s => s.Value("ollama_up", ("host", host)) == 1, s => s?.Text ?? "no scrape");
}
