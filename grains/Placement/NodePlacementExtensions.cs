using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace OllamaOrleans.Grains.Placement;

public static class NodePlacementExtensions
{
    /// <summary>
    /// The director for <see cref="NodeLocalPlacement"/> and the node directory it reads. Works
    /// without node identities (every host is then placed normally), so any silo running the grains
    /// can call it; <see cref="UseNodeIdentity"/> makes the placement node-aware.
    /// </summary>
    public static IServiceCollection AddNodeLocalPlacement(this IServiceCollection services)
    {
        services.TryAddSingleton(NodeIdentity.Unknown);
        services.TryAddSingleton<SiloDraining>();
        services.TryAddSingleton(sp => new HostAddressCache(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<INodeDirectory, SiloNodeDirectory>();
        services.AddPlacementDirector<NodeLocalPlacement, NodeLocalPlacementDirector>();
        return services;
    }

    /// <summary>
    /// Publishes this silo's node identity to the cluster as silo metadata. Call once per silo:
    /// Orleans' <c>UseSiloMetadata</c> registers its metadata services on every call.
    /// </summary>
    public static ISiloBuilder UseNodeIdentity(this ISiloBuilder silo, NodeIdentity identity)
    {
        silo.Services.RemoveAll<NodeIdentity>();
        silo.Services.AddSingleton(identity);
        silo.UseSiloMetadata(identity.ToMetadata());
        return silo;
    }
}
