using System.Globalization;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// One silo with the gateway and two simulators for all gateway tests: six ordinary hosts (each test
/// uses its own, so exact counts are not disturbed) and one whose queue is full (every load: 503).
/// Probes are off so the only inference traffic is the tests'.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public SimulatorProcess Simulator { get; private set; } = null!;

    public SimulatorProcess Busy { get; private set; } = null!;

    public SiloProcess Silo { get; private set; } = null!;

    public int ListenerPort { get; } = FreePorts.One();

    public int Port(int index) => Simulator.BasePort + index;

    public static string Name(int port) => $"127.0.0.1:{port}";

    public Uri Gateway(int port) => new(Silo.BaseUri, $"h/{Name(port)}/");

    public async Task InitializeAsync()
    {
        // 300-token answers at 100 tokens/s: streams last 3 s unless a request asks for fewer tokens.
        Simulator = await SimulatorProcess.StartAsync(6, "--load-ms", "100", "--tokens-per-second", "100", "--response-tokens", "300");
        Busy = await SimulatorProcess.StartAsync(1, "--max-queue", "0");
        Silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["OLLAMA_URL"] = Simulator.OllamaUrls + "," + Busy.OllamaUrls,
            ["COLLECT_INTERVAL"] = "1",
            ["Monitor__Probes__Mode"] = "Off",
            ["Gateway__UpstreamTimeout"] = "00:00:02",
            ["Gateway__ClientHeader"] = "X-Client",
            ["Gateway__Listeners__0__Host"] = Name(Simulator.BasePort + 3),
            ["Gateway__Listeners__0__Port"] = ListenerPort.ToString(CultureInfo.InvariantCulture),
        });
        await Silo.WaitUntilReadyAsync();
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            Silo.ScrapeAsync,
            s => s.Named("ollama_up").Count(x => x.Value == 1) == 7,
            s => s?.Text ?? "no scrape");
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Simulator.DisposeAsync();
        await Busy.DisposeAsync();
    }
}
