using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Fleet;

/// <summary>The persisted host registry.</summary>
[GenerateSerializer, Alias("OllamaOrleans.FleetState")]
public sealed class FleetState
{
    [Id(0)]
    public Dictionary<string, HostRegistration> Hosts { get; set; } = new(StringComparer.Ordinal);
}
