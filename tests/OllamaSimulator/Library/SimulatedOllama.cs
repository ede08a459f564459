using System.Net.Sockets;
using OllamaSimulator.Api;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Models;

namespace OllamaSimulator;

/// <summary>One simulated Ollama server on its own 127.0.0.1 port, with its own store, scheduler and fault.</summary>
public sealed class SimulatedOllama
{
    private readonly HostContext host;
    private readonly HttpServer server;
    private readonly Lock gate = new();

    internal SimulatedOllama(SimulatorOptions options)
    {
        host = new HostContext(options);
        server = new HttpServer(new OllamaRouter(host), options.TimeProvider, options.ListenAddress);
    }

    public int Port => server.Port;

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public FaultMode Fault => host.Fault.Mode;

    /// <summary>The delay of <see cref="FaultMode.Slow"/> or <see cref="FaultMode.SlowPs"/>; zero otherwise.</summary>
    public TimeSpan FaultDelay => host.Fault.Delay;

    public SimulatorCounters Counters => host.Counters;

    /// <summary>The local store, as <c>/api/tags</c> lists it (unsorted).</summary>
    public IReadOnlyList<SimulatedModel> Models => host.Catalog.All;

    /// <summary>
    /// Sets this host's fault. <see cref="FaultMode.Down"/> closes the port (connects refused, open connections
    /// dropped); any other mode re-binds the same port first. <see cref="FaultMode.Slow"/> and
    /// <see cref="FaultMode.SlowPs"/> need a delay.
    /// </summary>
    public void SetFault(FaultMode mode, TimeSpan? delay = null)
    {
        if ((mode.IsDelay() && delay is null) || delay < TimeSpan.Zero)
        {
            throw new ArgumentException("slow and slowps need a non-negative delay", nameof(delay));
        }

        lock (gate)
        {
            host.Fault = new FaultSetting(mode, mode.IsDelay() ? delay!.Value : TimeSpan.Zero);
            if (mode == FaultMode.Down)
            {
                server.Stop();
            }
            else if (!server.IsListening)
            {
                Listen(Port);
            }
        }
    }

    /// <summary>Every model in the store plus any still running after being removed.</summary>
    public IReadOnlyList<ModelStateView> GetModelStates() => host.Scheduler.GetStates(host.Catalog.All);

    public ModelStateView GetModelState(string name) =>
        GetModelStates().FirstOrDefault(v => ModelName.Parse(v.Name).Key == ModelName.Parse(name).Key)
        ?? throw new KeyNotFoundException($"no model \"{name}\" on port {Port}");

    /// <summary>Adds a model to the store (replacing one of the same name); it appears in <c>/api/tags</c> at once.</summary>
    public void AddModel(SimulatedModel model, bool checkName = true)
    {
        OllamaSimulator.Models.ModelValidator.Validate(model, checkName);
        host.Catalog.Add(model);
    }

    /// <summary>Removes a model from the store; a loaded copy keeps running, as in Ollama.</summary>
    public bool RemoveModel(string name) => host.Catalog.Remove(name);

    /// <summary>Loads a model as an empty-prompt request would (waiting its turn and the load time).</summary>
    public async Task LoadAsync(string model, TimeSpan? keepAlive = null, CancellationToken cancellationToken = default)
    {
        var found = host.Catalog.Find(model) ?? throw new KeyNotFoundException($"no model \"{model}\" on port {Port}");
        var options = InferenceOptions.Parse(null, found, host.Options);
        using var lease = await host.Scheduler.AcquireAsync(found, options.Runner, keepAlive, cancellationToken);
    }

    /// <summary>Unloads as <c>keep_alive: 0</c> does; completes once the model has left <c>/api/ps</c>.</summary>
    public Task UnloadAsync(string model)
    {
        var found = host.Catalog.Find(model) ?? throw new KeyNotFoundException($"no model \"{model}\" on port {Port}");
        return host.Scheduler.Expire(found);
    }

    /// <summary>
    /// Simulates the model's runner process dying: it leaves <c>/api/ps</c>, streams in progress end with an
    /// <c>{"error":…}</c> line, requests not yet answered get a 500. False when the model was not loaded.
    /// </summary>
    public bool CrashRunner(string model) => host.Scheduler.Crash(model);

    /// <summary>Requests waiting in the load queue, for tests of the 503 limit.</summary>
    internal int PendingLoads => host.Scheduler.PendingCount;

    internal void Listen(int port)
    {
        try
        {
            server.Start(port);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"cannot listen on 127.0.0.1:{port}: {e.Message}", e);
        }
    }

    internal void Stop()
    {
        server.Stop();
        host.Scheduler.Shutdown();
    }
}
