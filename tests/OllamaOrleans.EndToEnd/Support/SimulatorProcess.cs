using System.Globalization;
using System.Net.Http.Json;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>The Ollama simulator as a real process serving several hosts on consecutive ports.</summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private SimulatorProcess(ChildProcess process, int basePort, int hosts, int controlPort)
    {
        Process = process;
        BasePort = basePort;
        Hosts = hosts;
        ControlPort = controlPort;
    }

    public ChildProcess Process { get; }

    public int BasePort { get; }

    public int Hosts { get; }

    public int ControlPort { get; }

    public IEnumerable<int> Ports => Enumerable.Range(BasePort, Hosts);

    public string OllamaUrls => string.Join(',', Ports.Select(p => $"http://127.0.0.1:{p}"));

    public static async Task<SimulatorProcess> StartAsync(int hosts, params string[] extraArguments)
    {
        var basePort = FreePorts.Range(hosts);
        var controlPort = FreePorts.One();
        string[] arguments =
        [
            "--hosts", hosts.ToString(CultureInfo.InvariantCulture),
            "--port", basePort.ToString(CultureInfo.InvariantCulture),
            "--control-port", controlPort.ToString(CultureInfo.InvariantCulture),
            .. extraArguments,
        ];
        var simulator = new SimulatorProcess(ChildProcess.Start(RepositoryPaths.SimulatorDll, new Dictionary<string, string>(), arguments), basePort, hosts, controlPort);
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            async () => simulator.Process.HasExited ? throw new InvalidOperationException("simulator exited:\n" + simulator.Process.OutputText) : (await Http.GetAsync(simulator.Control("_sim/hosts"))).IsSuccessStatusCode,
            up => up,
            _ => "simulator not serving:\n" + simulator.Process.OutputText);
        return simulator;
    }

    public Uri Host(int port, string path = "") => new($"http://127.0.0.1:{port}/{path}");

    public Uri Control(string path) => new($"http://127.0.0.1:{ControlPort}/{path}");

    public async Task SetFaultAsync(int port, string mode)
    {
        using var response = await Http.PostAsJsonAsync(Control($"_sim/hosts/{port}/fault"), new { mode });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Loads a model the way a client does: <c>/api/generate</c> with an empty prompt.</summary>
    public async Task LoadAsync(int port, string model)
    {
        using var response = await Http.PostAsJsonAsync(Host(port, "api/generate"), new { model, prompt = "", stream = false });
        response.EnsureSuccessStatusCode();
    }

    public async Task UnloadAsync(int port, string model)
    {
        using var response = await Http.PostAsJsonAsync(Host(port, "api/generate"), new { model, prompt = "", keep_alive = 0, stream = false });
        response.EnsureSuccessStatusCode();
    }

    public async Task AddModelAsync(int port, object model)
    {
        using var response = await Http.PostAsJsonAsync(Control($"_sim/hosts/{port}/models"), model);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The simulator's counters of one host (<c>GET /_sim/hosts/{port}/stats</c>).</summary>
    public async Task<System.Text.Json.JsonElement> StatsAsync(int port) =>
        await Http.GetFromJsonAsync<System.Text.Json.JsonElement>(Control($"_sim/hosts/{port}/stats"));

    /// <summary>How many <c>POST /api/generate</c> requests one host has answered (loads included).</summary>
    public async Task<long> GeneratesAsync(int port) =>
        (await StatsAsync(port)).GetProperty("requests").EnumerateArray()
            .Where(r => r.GetProperty("endpoint").GetString() == "POST /api/generate")
            .Sum(r => r.GetProperty("count").GetInt64());

    /// <summary>One model's state on one host as the simulator sees it (<c>GET /_sim/hosts/{port}/models</c>).</summary>
    public async Task<System.Text.Json.JsonElement> ModelStateAsync(int port, string model) =>
        (await Http.GetFromJsonAsync<System.Text.Json.JsonElement>(Control($"_sim/hosts/{port}/models"))).EnumerateArray().Single(m => m.GetProperty("name").GetString() == model);

    /// <summary>Loads a model with a keep-alive (a Go duration such as "10m", or -1 for forever).</summary>
    public async Task LoadAsync(int port, string model, object keepAlive)
    {
        using var response = await Http.PostAsJsonAsync(Host(port, "api/generate"), new { model, prompt = "", stream = false, keep_alive = keepAlive });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await Process.DisposeAsync();
}
