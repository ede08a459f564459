namespace OllamaOrleans.Grains.Registry;

/// <summary>
/// The registry's hosts as the cluster's fleet grain last stored them, held on the silo where that
/// grain is active and empty on every other: <c>/metrics</c> exports them, so each registered host is
/// exported by exactly one silo and a scrape makes no grain call. Transient hosts are left out (they
/// are scraped through <c>/probe</c>).
/// </summary>
public interface IRegisteredHosts
{
    /// <summary>The names, ordered; empty where the fleet grain is not active.</summary>
    IReadOnlyList<string> Names { get; }

    void Publish(IEnumerable<string> names);

    /// <summary>The fleet grain left this silo (deactivation, shutdown): another silo publishes now.</summary>
    void Clear();
}
