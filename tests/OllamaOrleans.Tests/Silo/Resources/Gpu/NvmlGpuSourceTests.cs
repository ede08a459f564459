using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources.Gpu;

public sealed class NvmlGpuSourceTests
{
    private const ulong GiB = 1UL << 30;

    private static FakeNvml.Device H200(string uuid = "GPU-5e3a4c1d-0000-4b1e-9f00-000000000001") =>
        new(uuid, "NVIDIA H200", 87, 141 * GiB, 40 * GiB, 61, 412_345, 98_765_432, [(4321, 38 * GiB), (4400, ulong.MaxValue)]);

    private static (NvmlGpuSource Source, FakeNvml Nvml) Open(params FakeNvml.Device[] devices)
    {
        var nvml = new FakeNvml();
        nvml.Devices.AddRange(devices);
        return (new NvmlGpuSource(() => (nvml, "")), nvml);
    }

    [Fact]
    public void Read_ConvertsNvmlUnitsToBaseUnits()
    {
        var (source, _) = Open(H200());
        Assert.True(source.TryOpen(out _));

        var gpu = Assert.Single(source.Read(0));

        Assert.Equal(
            new GpuReading(0, "nvidia", "GPU-5e3a4c1d-0000-4b1e-9f00-000000000001", "NVIDIA H200", "570.86.15", 87, (long)(40 * GiB), (long)(141 * GiB), 61, 412.345, 98765.432, gpu.Processes),
            gpu);
        Assert.Equal([new GpuProcessUsage(4321, (long)(38 * GiB)), new GpuProcessUsage(4400, null)], gpu.Processes.ToArray());
    }

    [Fact]
    public void Read_FigureTheGpuDoesNotSupport_IsLeftOutWithoutAProblem()
    {
        var (source, nvml) = Open(H200());
        nvml.Failures["GPU-5e3a4c1d-0000-4b1e-9f00-000000000001/energy"] = NvmlReturn.NotSupported;
        nvml.Failures["GPU-5e3a4c1d-0000-4b1e-9f00-000000000001/power"] = NvmlReturn.FunctionNotFound;
        source.TryOpen(out _);

        var gpu = Assert.Single(source.Read(0));

        Assert.Null(gpu.EnergyJoules);
        Assert.Null(gpu.PowerWatts);
        Assert.Null(gpu.Problem);
    }

    [Fact]
    public void Read_OtherError_BecomesTheReadingsProblem_AndProcessesUnknown()
    {
        var (source, nvml) = Open(H200());
        nvml.Failures["GPU-5e3a4c1d-0000-4b1e-9f00-000000000001/processes"] = NvmlReturn.NoPermission;
        nvml.Failures["GPU-5e3a4c1d-0000-4b1e-9f00-000000000001/temperature"] = NvmlReturn.GpuIsLost;
        source.TryOpen(out _);

        var gpu = Assert.Single(source.Read(0));

        Assert.Equal("temperature: GPU is lost", gpu.Problem);
        Assert.True(gpu.Processes.IsDefault);
        Assert.Equal(87, gpu.UtilizationPercent);
    }

    [Fact]
    public void TryOpen_GpuThatRefusesAHandle_IsLeftOut_OthersKeepTheirNvmlIndex()
    {
        var (source, _) = Open(H200("GPU-a") with { HandleResult = NvmlReturn.NoPermission }, H200("GPU-b"));

        Assert.True(source.TryOpen(out _));

        var gpu = Assert.Single(source.Read(0));
        Assert.Equal((1, "GPU-b"), (gpu.Index, gpu.Uuid));
    }

    [Fact]
    public void TryOpen_NoLibrary_SaysWhy()
    {
        var source = new NvmlGpuSource(() => (null, "libnvidia-ml.so.1 could not be loaded (no NVIDIA driver on this node)"));

        Assert.False(source.TryOpen(out var reason));

        Assert.Equal("NVIDIA: libnvidia-ml.so.1 could not be loaded (no NVIDIA driver on this node)", reason);
        Assert.Empty(source.Read(0));
    }

    [Fact]
    public void TryOpen_InitFailsOrNoGpu_ReleasesTheLibrary()
    {
        var (failing, nvml) = Open(H200());
        nvml.InitResult = NvmlReturn.DriverNotLoaded;
        var (empty, emptyNvml) = Open();

        Assert.False(failing.TryOpen(out var initReason));
        Assert.False(empty.TryOpen(out var emptyReason));

        Assert.Equal("NVIDIA: nvmlInit failed: DriverNotLoaded", initReason);
        Assert.Equal("NVIDIA: NVML is installed but reports no usable GPU", emptyReason);
        Assert.True(nvml.Disposed);
        Assert.True(emptyNvml.Disposed);
    }
}
