namespace OllamaOrleans.Grains.Polling;

/// <summary>What identifies one loaded runner between polls: a change means the model was reloaded.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.LoadedRunner")]
public sealed record LoadedRunner(
    [property: Id(0)] string Digest,
    [property: Id(1)] int ContextLength);
