namespace OllamaOrleans.GrainInterfaces;

/// <summary>The state of one model on one host, with its cumulative load and unload counts.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.ModelSnapshot")]
public sealed record ModelSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] AvailableModel? Available,
    [property: Id(2)] LoadedModel? Loaded,
    [property: Id(3)] ModelDetails Details,
    [property: Id(4)] long Loads,
    [property: Id(5)] long Unloads);
