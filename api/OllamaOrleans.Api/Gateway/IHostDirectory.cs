using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Where the gateway finds hosts and what is loaded on them: in the embedded default the silo's own
/// snapshot registry; in a cluster, snapshots fetched from the host grains.
/// </summary>
public interface IHostDirectory
{
    HostSnapshot? Find(string name);

    IReadOnlyList<HostSnapshot> All { get; }
}
