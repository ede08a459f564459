using System.Globalization;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// One silo with the gateway, its state in files and the API keys of <see cref="ApiKeys"/>, in front of
/// two fast simulated hosts (no load time, three-token answers, eight requests at once) and a third the
/// tests may register, for the tests that play a hostile client: thousands of requests must pass in
/// seconds, and every file the grains store is visible.
/// </summary>
public sealed class HostileClientFixture : IAsyncLifetime
{
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ollama-orleans-hostile-").FullName;

    public SimulatorProcess Simulator { get; private set; } = null!;

    public SiloProcess Silo { get; private set; } = null!;

    public string Host(int index) => $"127.0.0.1:{Simulator.BasePort + index}";

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorProcess.StartAsync(3, "--load-ms", "0", "--tokens-per-second", "100000", "--response-tokens", "3", "--num-parallel", "8");
        var settings = ApiKeys.Settings();
        settings["OLLAMA_URL"] = $"http://{Host(0)},http://{Host(1)}";
        Silo = SiloProcess.Start(new Dictionary<string, string>(settings)
        {
            ["COLLECT_INTERVAL"] = "1",
            ["Monitor__Probes__Mode"] = "Off",
            ["Monitor__StateDirectory"] = StateDirectory,
            ["Gateway__UpstreamTimeout"] = "00:00:10",
        });
        await Silo.WaitUntilReadyAsync();
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            Silo.ScrapeAsync,
            s => s.Named("ollama_up").Count(x => x.Value == 1) == 2,
            s => s?.Text ?? "no scrape");

        // The steady state the tests count series against: the model loaded on both hosts, each host
        // busy once, so the model's and the node's resource series (busy and idle) are all there.
        using var http = new HttpClient();
        int[] ports = [Simulator.BasePort, Simulator.BasePort + 1];
        foreach (var port in ports)
        {
            await Simulator.LoadAsync(port, "llama3.2:latest");
            using var content = new StringContent("""{"model":"llama3.2","prompt":"hi","stream":false,"options":{"num_predict":2}}""");
            (await http.PostAsync(new Uri(Silo.BaseUri, $"h/127.0.0.1:{port}/api/generate"), content)).EnsureSuccessStatusCode();
        }

        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            Silo.ScrapeAsync,
            s => ports.All(p => s.Value("ollama_activity_seconds_total", ("host", $"127.0.0.1:{p}"), ("state", "busy")) > 0
                && s.Value("ollama_model_context_length", ("host", $"127.0.0.1:{p}"), ("model", "llama3.2:latest")) is not null),
            s => "no steady state:\n" + s?.Text);
    }

    /// <summary>The silo's resident memory now, from <c>/proc/PID/status</c>.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Silo.Process.Pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Simulator.DisposeAsync();
        Directory.Delete(StateDirectory, recursive: true);
    }
}
