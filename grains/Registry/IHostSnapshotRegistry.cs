using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Registry;

/// <summary>
/// The snapshots of the host grains active on this silo. <c>/metrics</c> renders from here, so a
/// scrape makes no grain calls and a host's series come only from the silo that holds its grain.
/// </summary>
public interface IHostSnapshotRegistry
{
    void Publish(HostSnapshot snapshot);

    /// <summary>Drops a host's series at once (deactivation, migration, removal).</summary>
    void Remove(string hostName);

    /// <summary>The current snapshots, ordered by host name.</summary>
    IReadOnlyList<HostSnapshot> Snapshots { get; }

    int Count { get; }
}
