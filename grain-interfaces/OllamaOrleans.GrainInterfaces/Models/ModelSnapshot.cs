using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.GrainInterfaces.Models;

/// <summary>
/// The state of one model on one host: presence, residency, cumulative load and unload counts, and
/// the cumulative inference counters per source. <see cref="Revision"/> grows with every change, so a
/// host grain that hears of a model twice keeps the newer snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.ModelSnapshot")]
public sealed record ModelSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] AvailableModel? Available,
    [property: Id(2)] LoadedModel? Loaded,
    [property: Id(3)] ModelDetails Details,
    [property: Id(4)] long Loads,
    [property: Id(5)] long Unloads)
{
    [Id(6)]
    public long Revision { get; init; }

    [Id(7)]
    public ImmutableArray<InferenceSnapshot> Inference { get; init; } = [];

    [Id(8)]
    public ProbeStatus? Probe { get; init; }

    /// <summary>A cloud model (<see cref="CloudModel"/>): not on disk, never loaded, its traffic not the host's inference.</summary>
    public bool IsCloud => CloudModel.Is(Name, Available);
}
