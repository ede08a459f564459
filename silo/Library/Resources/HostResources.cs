using System.Collections.Immutable;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// The process and GPU figures of one host whose Ollama runs on this silo's node, as of its latest
/// sample. Immutable: the collector publishes a new one per sample and <c>/metrics</c> renders it.
/// The PIDs are for logs and tests, never labels: they change with every restart.
/// </summary>
public sealed record HostResources(
    string Host,
    DateTimeOffset SampledAt,
    int? ServerPid,
    ImmutableArray<int> RunnerPids,
    RoleFigures Server,
    RoleFigures Runner,
    double BusySeconds,
    double IdleSeconds,
    GpuNodeReading Gpus,
    ImmutableArray<GpuHostFigures> GpuFigures);
