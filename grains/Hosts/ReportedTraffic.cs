using System.Collections.Concurrent;

namespace OllamaOrleans.Grains.Hosts;

/// <summary>
/// The hosts on this silo that a metering gateway anywhere in the cluster reports requests in flight
/// to. Gateways report to the host grain (<c>ReportTrafficAsync</c>), which lives on the silo of its
/// Ollama's node, so this silo's resource sampler learns of traffic through other silos and the api
/// process too. A report holds until the gateway reports the host idle, or for a minute at most.
/// </summary>
public sealed class ReportedTraffic
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> busyUntil = new(StringComparer.Ordinal);

    public void Report(string host, bool busy, DateTimeOffset until)
    {
        if (busy)
        {
            busyUntil[host] = until;
        }
        else
        {
            busyUntil.TryRemove(host, out _);
        }
    }

    public bool IsBusy(string host, DateTimeOffset now) => busyUntil.TryGetValue(host, out var until) && until > now;
}
