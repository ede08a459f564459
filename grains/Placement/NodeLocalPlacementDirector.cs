using Orleans.Runtime.Placement;

namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// Places a host grain at its home (<see cref="HostHome"/>): a silo of the node its Ollama URL points
/// to (the URL comes in the request context, <see cref="HostUrlContext"/>) when there is one, else
/// any silo, chosen by rendezvous hashing so that the hosts spread evenly and every silo agrees. A
/// silo that is stopping (or draining, <see cref="SiloDraining"/>) is no candidate, so the hosts it hands over land elsewhere. An explicit
/// placement hint always wins.
/// </summary>
public sealed class NodeLocalPlacementDirector(INodeDirectory nodes, SiloDraining draining) : IPlacementDirector
{
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint)
        {
            return hint;
        }

        IReadOnlyList<SiloAddress> candidates = (context.LocalSiloStatus == SiloStatus.Active && !draining.IsDraining) || compatible.Length == 1
            ? compatible
            : [.. compatible.Where(s => !s.Equals(context.LocalSilo))];
        var url = HostUrlContext.From(target.RequestContextData);
        return await HostHome.ChooseAsync(nodes, url, target.GrainIdentity, candidates.Count > 0 ? candidates : compatible)
            ?? compatible[Random.Shared.Next(compatible.Length)];
    }
}
