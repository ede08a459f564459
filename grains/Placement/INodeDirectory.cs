namespace OllamaOrleans.Grains.Placement;

/// <summary>Which silos run on the node an Ollama URL points to, from the node identities the silos publish.</summary>
public interface INodeDirectory
{
    /// <summary>This silo's node.</summary>
    NodeIdentity Self { get; }

    /// <summary>Whether the URL's Ollama runs on this silo's node (loopback always does).</summary>
    ValueTask<bool> IsLocalAsync(string url);

    /// <summary>The candidates that run on the URL's node; empty when none does or none is known.</summary>
    ValueTask<IReadOnlyList<SiloAddress>> SilosServingAsync(string url, IReadOnlyList<SiloAddress> candidates);

    /// <summary>
    /// An active silo on the URL's node when this silo is not on it, so a grain here should move
    /// there; null when this silo is right or no silo runs on that node.
    /// </summary>
    ValueTask<SiloAddress?> BetterSiloAsync(string url);
}
