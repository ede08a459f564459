namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// Places a host grain on a silo that runs on the same node as the host's Ollama server, so that
/// silo can read the server's processes and GPUs; anywhere else when no such silo exists.
/// </summary>
[Serializable, GenerateSerializer, Immutable, Alias("OllamaOrleans.NodeLocalPlacement")]
public sealed class NodeLocalPlacement : PlacementStrategy
{
    public static NodeLocalPlacement Singleton { get; } = new();
}
