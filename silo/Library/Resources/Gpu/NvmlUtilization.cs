using System.Runtime.InteropServices;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary><c>nvmlUtilization_t</c>: percent of the last sample period the GPU (and its memory) was busy.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlUtilization
{
    public uint Gpu;
    public uint Memory;
}
