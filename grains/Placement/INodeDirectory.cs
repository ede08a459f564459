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
    /// The silo a host grain on this silo should move to: its home (<see cref="HostHome"/>) among the
    /// active silos when that is another silo; null when this silo is its home.
    /// </summary>
    ValueTask<SiloAddress?> BetterSiloAsync(string url, GrainId grain);
}
