using System.Collections.Concurrent;

namespace OllamaOrleans.Api.Gateway;

/// <summary>Requests the gateway has in flight, per host and per host and model.</summary>
public sealed class InFlightTracker(GatewayMetrics metrics)
{
    private readonly ConcurrentDictionary<string, int> byHost = new(StringComparer.Ordinal);

    /// <summary>Raised with the host and its new count when a host goes from idle to busy or back.</summary>
    public event Action<string, int>? HostActivityChanged;

    public int Host(string host) => byHost.GetValueOrDefault(host);

    public IReadOnlyDictionary<string, int> Hosts => byHost;

    public Lease Enter(string host, string model)
    {
        var now = byHost.AddOrUpdate(host, 1, (_, n) => n + 1);
        metrics.InFlight(host, model, +1);
        if (now == 1)
        {
            HostActivityChanged?.Invoke(host, now);
        }

        return new Lease(this, host, model);
    }

    private void Exit(string host, string model)
    {
        var now = byHost.AddOrUpdate(host, 0, (_, n) => Math.Max(0, n - 1));
        metrics.InFlight(host, model, -1);
        if (now == 0)
        {
            HostActivityChanged?.Invoke(host, 0);
        }
    }

    public readonly struct Lease(InFlightTracker tracker, string host, string model) : IDisposable
    {
        public void Dispose() => tracker.Exit(host, model);
    }
}
