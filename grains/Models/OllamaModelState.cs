using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Statistics;

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

    /// <summary>Grows with every change; see <see cref="ModelSnapshot.Revision"/>.</summary>
    [Id(6)]
    public long Revision { get; set; }

    /// <summary>Cumulative inference counters by source ("probe", "traffic", "cloud").</summary>
    [Id(7)]
    public Dictionary<string, InferenceCounters> Inference { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Rolling statistics by source.</summary>
    [Id(8)]
    public Dictionary<string, RollingWindows> Windows { get; set; } = new(StringComparer.Ordinal);

    [Id(9)]
    public ProbeStatus? Probe { get; set; }
}
