namespace OllamaOrleans.EndToEnd.Support;

/// <summary>The monitor's silo as a real process on free ports, with its HTTP port's scrape helpers.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private SiloProcess(ChildProcess process, int httpPort)
    {
        Process = process;
        HttpPort = httpPort;
    }

    public ChildProcess Process { get; }

    public int HttpPort { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{HttpPort}/");

    public static SiloProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var httpPort = FreePorts.One();
        var environment = new Dictionary<string, string>
        {
            ["EXPORTER_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__SiloPort"] = FreePorts.One().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.One().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return new SiloProcess(ChildProcess.Start(RepositoryPaths.SiloDll, environment), httpPort);
    }

    public async Task WaitUntilReadyAsync()
    {
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(60),
            async () => Process.HasExited ? throw new InvalidOperationException("silo exited:\n" + Process.OutputText) : (await Http.GetAsync(new Uri(BaseUri, "ready"))).IsSuccessStatusCode,
            ready => ready,
            _ => "silo not ready:\n" + Process.OutputText);
    }

    public async Task<Exposition> ScrapeAsync() => Exposition.Parse(await ScrapeTextAsync());

    public async Task<string> ScrapeTextAsync() => await Http.GetStringAsync(new Uri(BaseUri, "metrics"));

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(BaseUri, path));

    public async ValueTask DisposeAsync() => await Process.DisposeAsync();
}
