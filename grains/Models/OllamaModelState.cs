using OllamaOrleans.GrainInterfaces;

namespace OllamaOrleans.Grains.Models;

/// <summary>The persisted state of one model grain. Counters live here so that a restart continues them.</summary>
[GenerateSerializer, Alias("OllamaOrleans.OllamaModelState")]
public sealed class OllamaModelState
{
    [Id(0)]
    public string? Name { get; set; }

    [Id(1)]
    public AvailableModel? Available { get; set; }

    [Id(2)]
    public LoadedModel? Loaded { get; set; }

    [Id(3)]
    public ModelDetails? Details { get; set; }

    [Id(4)]
    public long Loads { get; set; }

    [Id(5)]
    public long Unloads { get; set; }
}
