using Orleans.Placement;

namespace OllamaOrleans.Grains.Placement;

/// <summary>Marks a grain class for <see cref="NodeLocalPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class NodeLocalPlacementAttribute() : PlacementAttribute(NodeLocalPlacement.Singleton);
