using Orleans.Runtime.Placement;

namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// Places a host grain on a silo of the node its Ollama URL points to (the URL comes in the request
/// context, <see cref="HostUrlContext"/>): this silo when it is one of them, else one chosen by the
/// grain's hash so that repeated placements agree. Without such a silo, or without a URL, a random
/// compatible silo, as Orleans' random placement does. An explicit placement hint always wins.
/// </summary>
public sealed class NodeLocalPlacementDirector(INodeDirectory nodes) : IPlacementDirector
{
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint)
        {
            return hint;
        }

        if (HostUrlContext.From(target.RequestContextData) is { } url)
        {
            var serving = await nodes.SilosServingAsync(url, compatible);
            if (serving.Count > 0)
            {
                return serving.Contains(context.LocalSilo) ? context.LocalSilo : ByHash(serving, target.GrainIdentity);
            }
        }

        return compatible[Random.Shared.Next(compatible.Length)];
    }

    private static SiloAddress ByHash(IReadOnlyList<SiloAddress> silos, GrainId grain)
    {
        var ordered = silos.OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();
        return ordered[(int)(grain.GetUniformHashCode() % (uint)ordered.Count)];
    }
}
