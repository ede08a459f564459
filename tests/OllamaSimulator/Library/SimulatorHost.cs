using OllamaSimulator.Control;
using OllamaSimulator.Http;

namespace OllamaSimulator;

/// <summary>A set of simulated Ollama hosts plus the control API, in this process.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly Dictionary<int, SimulatedOllama> byPort;
    private readonly HttpServer control;

    private SimulatorHost(List<SimulatedOllama> hosts, HttpServer control)
    {
        Hosts = [.. hosts.OrderBy(h => h.Port)];
        byPort = hosts.ToDictionary(h => h.Port);
        this.control = control;
    }

    /// <summary>In port order (for OS-assigned ports, in start order).</summary>
    public IReadOnlyList<SimulatedOllama> Hosts { get; }

    public int ControlPort => control.Port;

    /// <summary><c>http://127.0.0.1:controlPort/</c>.</summary>
    public Uri ControlUri => new($"http://127.0.0.1:{ControlPort}/");

    public SimulatedOllama this[int port] => Get(port);

    /// <summary>Binds every host and the control API; throws (after releasing what it bound) if a port is taken.</summary>
    public static Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var hosts = new List<SimulatedOllama>(options.Hosts);
        HttpServer? control = null;
        try
        {
            for (var i = 0; i < options.Hosts; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var host = new SimulatedOllama(options);
                host.Listen(options.BasePort == 0 ? 0 : options.BasePort + i);
                hosts.Add(host);
            }

            var byPort = hosts.ToDictionary(h => h.Port);
            control = new HttpServer(new ControlApi(byPort, options.TimeProvider), options.TimeProvider, options.ListenAddress);
            try
            {
                control.Start(options.ControlPort);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                throw new InvalidOperationException($"cannot listen on 127.0.0.1:{options.ControlPort}: {e.Message}", e);
            }

            return Task.FromResult(new SimulatorHost(hosts, control));
        }
        catch
        {
            foreach (var host in hosts)
            {
                host.Stop();
            }

            control?.Stop();
            throw;
        }
    }

    public SimulatedOllama Get(int port) =>
        byPort.TryGetValue(port, out var host) ? host : throw new KeyNotFoundException($"no simulated host on port {port}");

    public bool TryGet(int port, out SimulatedOllama host) => byPort.TryGetValue(port, out host!);

    public ValueTask DisposeAsync()
    {
        control.Stop();
        foreach (var host in Hosts)
        {
            host.Stop();
        }

        return ValueTask.CompletedTask;
    }
}
