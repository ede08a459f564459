namespace OllamaOrleans.GrainInterfaces.Models;

/// <summary>
/// What one poll of a host saw of one model: whether it is on disk (<see cref="Available"/>), whether
/// it is loaded (<see cref="Loaded"/>), and how many loads and unloads the host grain's diff counted
/// since the previous observation.
/// </summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.ModelObservation")]
public sealed record ModelObservation(
    [property: Id(0)] string Name,
    [property: Id(1)] AvailableModel? Available,
    [property: Id(2)] LoadedModel? Loaded,
    [property: Id(3)] int Loads,
    [property: Id(4)] int Unloads,
    [property: Id(5)] ModelDetails? LoadedDetails = null);
