using OllamaOrleans.Api.Gateway;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Registry;

namespace OllamaOrleans.Silo.Gateway;

/// <summary>The gateway's host directory in the embedded default: the one silo's registry holds every host.</summary>
public sealed class RegistryHostDirectory(IHostSnapshotRegistry registry) : IHostDirectory
{
    public HostSnapshot? Find(string name) => registry.Snapshots.FirstOrDefault(s => s.Name == name);

    public IReadOnlyList<HostSnapshot> All => registry.Snapshots;
}
