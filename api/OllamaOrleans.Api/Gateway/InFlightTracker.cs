namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Requests the gateway has in flight, per host and per host and model. The per-model gauge is set
/// under one lock, so a series removed while idle (<see cref="Forget"/>) never comes back negative.
/// </summary>
public sealed class InFlightTracker(GatewayMetrics metrics)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> byHost = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Host, string Model), int> byModel = [];

    /// <summary>Raised with the host and its new count when a host goes from idle to busy or back.</summary>
    public event Action<string, int>? HostActivityChanged;

    public int Host(string host)
    {
        lock (gate)
        {
            return byHost.GetValueOrDefault(host);
        }
    }

    public Lease Enter(string host, string model)
    {
        int now;
        lock (gate)
        {
            now = byHost[host] = byHost.GetValueOrDefault(host) + 1;
            var key = (host, model);
            var count = byModel[key] = byModel.GetValueOrDefault(key) + 1;
            metrics.InFlight(host, model, count);
        }

        if (now == 1)
        {
            HostActivityChanged?.Invoke(host, now);
        }

        return new Lease(this, host, model);
    }

    /// <summary>Removes the idle series of hosts or models <paramref name="keep"/> refuses.</summary>
    public void Forget(Func<string, string, bool> keep)
    {
        lock (gate)
        {
            foreach (var (key, count) in byModel.ToList())
            {
                if (count == 0 && !keep(key.Host, key.Model))
                {
                    byModel.Remove(key);
                    metrics.RemoveInFlight(key.Host, key.Model);
                }
            }

            foreach (var (host, count) in byHost.ToList())
            {
                if (count == 0 && !byModel.Keys.Any(k => k.Host == host))
                {
                    byHost.Remove(host);
                }
            }
        }
    }

    private void Exit(string host, string model)
    {
        int now;
        lock (gate)
        {
            now = byHost[host] = Math.Max(0, byHost.GetValueOrDefault(host) - 1);
            var key = (host, model);
            var count = byModel[key] = Math.Max(0, byModel.GetValueOrDefault(key) - 1);
            metrics.InFlight(host, model, count);
        }

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
