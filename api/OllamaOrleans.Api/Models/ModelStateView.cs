using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.Api.Models;

/// <summary>One model on one host: on disk, in memory, its details, load counts and last probe.</summary>
public sealed record ModelStateView(
    string Name,
    bool Available,
    bool Loaded,
    long? SizeBytes,
    string? Digest,
    long? MemoryBytes,
    long? VramBytes,
    int? ContextLength,
    DateTimeOffset? ExpiresAt,
    string Family,
    string ParameterSize,
    string QuantizationLevel,
    long Loads,
    long Unloads,
    ProbeStatus? LastProbe)
{
    public static ModelStateView From(ModelSnapshot m) => new(
        m.Name,
        m.Available is not null,
        m.Loaded is not null,
        m.Available?.SizeBytes,
        m.Available?.Digest ?? m.Loaded?.Digest,
        m.Loaded?.MemoryBytes,
        m.Loaded?.VramBytes,
        m.Loaded?.ContextLength,
        m.Loaded?.ExpiresAt,
        m.Details.Family,
        m.Details.ParameterSize,
        m.Details.QuantizationLevel,
        m.Loads,
        m.Unloads,
        m.Probe);
}
