using System.Collections.Immutable;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>
/// One GPU at one sample, vendor-neutral. A figure the GPU or driver does not report is null and its
/// series is left out; <see cref="Processes"/> is default (not empty) when per-process memory is not
/// known. <see cref="Problem"/> is the first unexpected error of this reading, if any.
/// </summary>
public sealed record GpuReading(
    int Index,
    string Vendor,
    string Uuid,
    string Name,
    string DriverVersion,
    double? UtilizationPercent,
    long? MemoryUsedBytes,
    long? MemoryTotalBytes,
    double? TemperatureCelsius,
    double? PowerWatts,
    double? EnergyJoules,
    ImmutableArray<GpuProcessUsage> Processes,
    string? Problem = null);
