using OllamaOrleans.Grains.Placement;

namespace OllamaOrleans.Tests.Support;

/// <summary>A silo without a cluster: only loopback URLs are on its node.</summary>
public sealed class LoopbackNodeDirectory : INodeDirectory
{
    public NodeIdentity Self => NodeIdentity.Unknown;

    public ValueTask<bool> IsLocalAsync(string url) => ValueTask.FromResult(NodeIdentity.IsLoopback(new Uri(url).DnsSafeHost));

    public ValueTask<IReadOnlyList<SiloAddress>> SilosServingAsync(string url, IReadOnlyList<SiloAddress> candidates) => ValueTask.FromResult<IReadOnlyList<SiloAddress>>([]);

    public ValueTask<SiloAddress?> BetterSiloAsync(string url, GrainId grain) => ValueTask.FromResult<SiloAddress?>(null);
}
