using System.Runtime.InteropServices;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary><c>nvmlMemory_t</c> (24 bytes): used includes driver-reserved memory.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlMemoryV1
{
    public ulong Total;
    public ulong Free;
    public ulong Used;
}
