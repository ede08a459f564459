using System.Globalization;
using System.Net.Http.Json;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// The native stack of <c>deploy/local/stack.sh</c> (simulator, one silo, Prometheus, Alertmanager)
/// on free ports with short intervals, in a state folder of its own; stopped and removed on dispose.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Dictionary<string, string> environment;

    private LocalStack(Dictionary<string, string> environment, int simulatorHosts)
    {
        this.environment = environment;
        SimulatorHosts = simulatorHosts;
    }

    public int SimulatorHosts { get; }

    public int SimulatorBasePort => Port("SIM_PORT");

    public IEnumerable<int> SimulatorPorts => Enumerable.Range(SimulatorBasePort, SimulatorHosts);

    public string StateDirectory => environment["STACK_DIR"];

    public PrometheusApi Prometheus => new(new Uri($"http://127.0.0.1:{Port("PROMETHEUS_PORT")}/"));

    public Uri AlertmanagerUri => new($"http://127.0.0.1:{Port("ALERTMANAGER_PORT")}/");

    public Uri SiloUri => new($"http://127.0.0.1:{Port("SILO_PORT")}/");

    public static string HostName(int port) => $"127.0.0.1:{port}";

    /// <summary>Runs <c>stack.sh up</c>; <paramref name="siloSettings"/> reach the silo as environment variables.</summary>
    public static async Task<LocalStack> StartAsync(int simulatorHosts, IReadOnlyDictionary<string, string> siloSettings)
    {
        var environment = new Dictionary<string, string>(siloSettings)
        {
            ["STACK_DIR"] = Path.Combine(Path.GetTempPath(), "ollama-orleans-stack-" + Guid.NewGuid().ToString("N")[..8]),
            ["CONFIGURATION"] = RepositoryPaths.Configuration,
            ["SILOS"] = "1",
            ["SIM_HOSTS"] = simulatorHosts.ToString(CultureInfo.InvariantCulture),
            ["SIM_PORT"] = Text(FreePorts.Range(simulatorHosts)),
            ["SIM_CONTROL_PORT"] = Text(FreePorts.One()),
            ["SILO_PORT"] = Text(FreePorts.One()),
            ["ORLEANS_SILO_PORT"] = Text(FreePorts.One()),
            ["ORLEANS_GATEWAY_PORT"] = Text(FreePorts.One()),
            ["PROMETHEUS_PORT"] = Text(FreePorts.One()),
            ["ALERTMANAGER_PORT"] = Text(FreePorts.One()),
            ["COLLECT_INTERVAL"] = "1",
            ["SCRAPE_INTERVAL"] = "1s",
            ["EVALUATION_INTERVAL"] = "1s",
        };
        var stack = new LocalStack(environment, simulatorHosts);
        var (exit, output) = await stack.ScriptAsync("up");
        if (exit != 0)
        {
            await stack.DisposeAsync();
            throw new InvalidOperationException($"stack.sh up failed ({exit}):\n{output}");
        }

        return stack;
    }

    public async Task SetFaultAsync(int port, string mode, int? delayMs = null)
    {
        object body = delayMs is null ? new { mode } : new { mode, delayMs };
        using var response = await Http.PostAsJsonAsync(Control($"_sim/hosts/{port}/fault"), body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Loads (or, with keep_alive 0, unloads) a model the way a client does.</summary>
    public async Task GenerateAsync(int port, string model, int? keepAlive = null)
    {
        object body = keepAlive is null
            ? new { model, prompt = "", stream = false }
            : new { model, prompt = "", stream = false, keep_alive = keepAlive };
        using var response = await Http.PostAsJsonAsync(new Uri($"http://127.0.0.1:{port}/api/generate"), body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The logs of every process of the stack, for failure messages.</summary>
    public string Logs()
    {
        var folder = Path.Combine(StateDirectory, "logs");
        return !Directory.Exists(folder)
            ? "(no logs)"
            : string.Join('\n', Directory.GetFiles(folder).Order().Select(f => $"--- {Path.GetFileName(f)}\n{Tail(f)}"));
    }

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync("down");
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output)> ScriptAsync(string verb) =>
        Tool.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "deploy", "local", "stack.sh"), verb], environment, TimeSpan.FromMinutes(4));

    private Uri Control(string path) => new($"http://127.0.0.1:{Port("SIM_CONTROL_PORT")}/{path}");

    private int Port(string key) => int.Parse(environment[key], CultureInfo.InvariantCulture);

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string Tail(string file) => string.Join('\n', File.ReadLines(file).TakeLast(40));
}
