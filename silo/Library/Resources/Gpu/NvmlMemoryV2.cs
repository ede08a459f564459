using System.Runtime.InteropServices;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary><c>nvmlMemory_v2_t</c> (40 bytes, 4 bytes of padding after the version): used excludes reserved, as nvidia-smi shows it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlMemoryV2
{
    /// <summary><c>NVML_STRUCT_VERSION(Memory, 2)</c>: the struct size with the version in the top byte.</summary>
    public const uint StructVersion = 40 | (2u << 24);

    public uint Version;
    public ulong Total;
    public ulong Reserved;
    public ulong Free;
    public ulong Used;
}
