namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// Set when this silo starts stopping gracefully: from then on placement never picks it, so the host
/// grains it hands over (and any placed meanwhile) land on the other silos.
/// </summary>
public sealed class SiloDraining
{
    private volatile bool draining;

    public bool IsDraining => draining;

    public void Start() => draining = true;
}
