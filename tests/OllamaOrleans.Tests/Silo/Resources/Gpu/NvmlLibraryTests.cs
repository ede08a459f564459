using System.Runtime.InteropServices;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Tests.Silo.Resources.Gpu;

public sealed class NvmlLibraryTests
{
    [Fact]
    public void TryLoad_LibraryNotThere_IsNullWithTheReason()
    {
        var library = NvmlLibrary.TryLoad("/nonexistent/libnvidia-ml.so.1", out var reason);

        Assert.Null(library);
        Assert.Equal("/nonexistent/libnvidia-ml.so.1 could not be loaded (no NVIDIA driver on this node)", reason);
    }

    [Fact]
    public void TryLoad_ALibraryWithoutNvml_IsNullNamingTheMissingFunction()
    {
        var libc = NativeLibrary.TryLoad("libc.so.6", out var handle) ? "libc.so.6" : throw new InvalidOperationException("libc.so.6 not loadable");
        NativeLibrary.Free(handle);

        Assert.Null(NvmlLibrary.TryLoad(libc, out var reason));

        Assert.StartsWith("libc.so.6 lacks an NVML function this collector needs", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessList_DecodesPidAndMemory_ForBothStructSizes()
    {
        var v2 = new byte[48];
        BitConverter.TryWriteBytes(v2.AsSpan(0), 4321u);
        BitConverter.TryWriteBytes(v2.AsSpan(8), 5_000_000_000UL);
        BitConverter.TryWriteBytes(v2.AsSpan(16), 7u);
        BitConverter.TryWriteBytes(v2.AsSpan(24), 99u);
        BitConverter.TryWriteBytes(v2.AsSpan(32), ulong.MaxValue);
        var v1 = new byte[16];
        BitConverter.TryWriteBytes(v1.AsSpan(0), 12u);
        BitConverter.TryWriteBytes(v1.AsSpan(8), 1024UL);

        Assert.Equal([(4321u, 5_000_000_000UL), (99u, ulong.MaxValue)], NvmlProcessList.Decode(v2, 2, 24));
        Assert.Equal([(12u, 1024UL)], NvmlProcessList.Decode(v1, 1, 16));
    }
}
