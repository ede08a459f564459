namespace OllamaOrleans.GrainInterfaces.Models;

/// <summary>What asking a model grain to probe now did: ran with a status, or skipped with a reason.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.ProbeOutcome")]
public sealed record ProbeOutcome(
    [property: Id(0)] bool Ran,
    [property: Id(1)] string? Status,
    [property: Id(2)] string? SkipReason);
