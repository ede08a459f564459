using System.Collections.Immutable;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>The GPUs of this node at one sample; <see cref="Available"/> is false on a node without any.</summary>
public sealed record GpuNodeReading(bool Available, ImmutableArray<GpuReading> Gpus)
{
    public static GpuNodeReading None { get; } = new(false, []);
}
