namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>One vendor's way of reading GPUs (NVML, amdgpu sysfs).</summary>
public interface IGpuSource : IDisposable
{
    /// <summary>Prepares the source once; false, with the reason, when this node has no such GPU.</summary>
    bool TryOpen(out string reason);

    /// <summary>Reads every GPU of this source; indexes start at <paramref name="firstIndex"/>.</summary>
    IReadOnlyList<GpuReading> Read(int firstIndex);
}
