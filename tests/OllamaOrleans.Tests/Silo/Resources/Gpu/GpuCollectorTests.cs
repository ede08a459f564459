using Microsoft.Extensions.Logging;
using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources.Gpu;

public sealed class GpuCollectorTests
{
    [Fact]
    public void NoGpu_ReadsNone_AndLogsOnceAcrossManyReads()
    {
        var logger = new ListLogger<GpuCollector>();
        using var collector = new GpuCollector([new NvmlGpuSource(() => (null, "libnvidia-ml.so.1 could not be loaded (no NVIDIA driver on this node)")), new AmdSysfsGpuSource("/nonexistent")], logger);

        for (var i = 0; i < 5; i++)
        {
            Assert.Same(GpuNodeReading.None, collector.Read());
        }

        var line = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal(
            "No GPU on this node: NVIDIA: libnvidia-ml.so.1 could not be loaded (no NVIDIA driver on this node); AMD: no amdgpu device with gpu_busy_percent under /nonexistent/class/drm. Hosts on this node export ollama_gpu_available 0; this is logged once.",
            line.Message);
    }

    [Fact]
    public void GpuProblem_IsLoggedWhenItStartsAndWhenItStops_NotEveryRead()
    {
        var nvml = new FakeNvml();
        nvml.Devices.Add(new FakeNvml.Device("GPU-a", "NVIDIA L4", 10, 100, 50, 40, 70_000, 1, []));
        var logger = new ListLogger<GpuCollector>();
        using var collector = new GpuCollector([new NvmlGpuSource(() => (nvml, ""))], logger);
        collector.Read();

        nvml.Failures["GPU-a/temperature"] = NvmlReturn.GpuIsLost;
        collector.Read();
        collector.Read();
        nvml.Failures.Clear();
        var healed = collector.Read();

        Assert.True(healed.Available);
        Assert.Equal(
            [
                "GPUs on this node: nvidia NVIDIA L4.",
                "GPU 0 (NVIDIA L4): temperature: GPU is lost. Its other figures are still exported; logged again when this changes.",
                "GPU 0 (NVIDIA L4) reads without errors again.",
            ],
            logger.Messages);
    }
}
