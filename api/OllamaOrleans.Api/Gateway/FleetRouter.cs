using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Picks the host for a request by model: among hosts that are up, one that has the model loaded with
/// the fewest requests in flight; else one that has it on disk (it will load it); else none. Hosts
/// already tried for the request (they refused the connection) are left out.
/// </summary>
public static class FleetRouter
{
    /// <summary>Hosts one request may be offered to when the first ones cannot be connected to.</summary>
    public const int MaxAttempts = 3;

    public static HostSnapshot? Choose(string model, IReadOnlyList<HostSnapshot> hosts, Func<string, int> inFlight, IReadOnlySet<string>? tried = null)
    {
        var canonical = ModelName.Canonical(model);
        var up = hosts.Where(h => h.Up && tried?.Contains(h.Name) != true).ToList();
        return Least(up.Where(h => Has(h, canonical, loaded: true)), inFlight)
            ?? Least(up.Where(h => Has(h, canonical, loaded: false)), inFlight);
    }

    private static bool Has(HostSnapshot host, string canonical, bool loaded) =>
        host.Models.Any(m => ModelName.Canonical(m.Name) == canonical && (loaded ? m.Loaded is not null : m.Available is not null));

    private static HostSnapshot? Least(IEnumerable<HostSnapshot> candidates, Func<string, int> inFlight) =>
        candidates.OrderBy(h => inFlight(h.Name)).ThenBy(h => h.Name, StringComparer.Ordinal).FirstOrDefault();
}
