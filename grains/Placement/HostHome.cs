namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// Where a host grain belongs: among the candidate silos on the node its Ollama URL names, when there
/// are any, else among all candidates, the one <see cref="Rendezvous"/> picks for the grain. The
/// placement director and the grain's own check use this one rule, so a grain placed by the director
/// finds itself at home, and one that is not (a silo joined, or one on its node appeared) moves.
/// </summary>
public static class HostHome
{
    public static async ValueTask<SiloAddress?> ChooseAsync(INodeDirectory nodes, string? url, GrainId grain, IReadOnlyList<SiloAddress> candidates)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        var serving = url is null ? [] : await nodes.SilosServingAsync(url, candidates);
        return Rendezvous.Home(grain, serving.Count > 0 ? serving : candidates);
    }
}
