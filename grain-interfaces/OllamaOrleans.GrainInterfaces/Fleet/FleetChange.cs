namespace OllamaOrleans.GrainInterfaces.Fleet;

/// <summary>What a registry mutation did, by host name.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.FleetChange")]
public sealed record FleetChange(
    [property: Id(0)] IReadOnlyList<string> Added,
    [property: Id(1)] IReadOnlyList<string> Updated,
    [property: Id(2)] IReadOnlyList<string> Removed)
{
    public static FleetChange None { get; } = new([], [], []);

    public bool IsEmpty => Added.Count == 0 && Updated.Count == 0 && Removed.Count == 0;
}
