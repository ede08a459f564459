using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Tests.Silo.Resources;

public sealed class GpuActivityTests
{
    private static GpuReading Gpu(string uuid, double? utilization) =>
        new(0, "nvidia", uuid, "NVIDIA H200", "570.1", utilization, null, null, null, null, null, default);

    [Fact]
    public void Advance_IntegratesUtilisationTimesInterval_PerGpuAndState()
    {
        var activity = new GpuActivity();

        Assert.Equal((0.0, 5.0), activity.Advance(Gpu("GPU-a", 50), 10, busy: false));
        Assert.Equal((0.9, 5.0), activity.Advance(Gpu("GPU-a", 90), 1, busy: true));
        Assert.Equal((0.0, 1.0), activity.Advance(Gpu("GPU-b", 100), 1, busy: false));
        Assert.Equal((0.9, 5.0), activity.Advance(Gpu("GPU-a", null), 1, busy: false));
    }
}
