using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.GrainInterfaces.Fleet;

/// <summary>The outcome of a registry edit and the registration it concerns (null when there is none).</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.RegistryResult")]
public sealed record RegistryResult(
    [property: Id(0)] RegistryOutcome Outcome,
    [property: Id(1)] HostRegistration? Host)
{
    public bool Succeeded => Outcome is RegistryOutcome.Created or RegistryOutcome.Updated or RegistryOutcome.Unchanged or RegistryOutcome.Removed or RegistryOutcome.Found;
}
