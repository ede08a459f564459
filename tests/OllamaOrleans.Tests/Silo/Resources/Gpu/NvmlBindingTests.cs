using System.Diagnostics;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Tests.Silo.Resources.Gpu;

/// <summary>
/// The NVML binding against tests/gpu/fake-nvml/fake_nvml.c, a library with nvml.h's entry points and
/// struct layouts, compiled here with cc (the test script installs gcc): names, layouts, the memory v2
/// version, the two-call process list and string buffers are checked without a GPU. Whether the real
/// driver agrees is tests/gpu/check.sh's job, on a GPU machine.
/// </summary>
public sealed class NvmlBindingTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("nvml-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string BuildFakeNvml()
    {
        var source = Path.Combine(RepositoryRoot.Find(), "tests", "gpu", "fake-nvml", "fake_nvml.c");
        var library = Path.Combine(dir, "libnvidia-ml.so.1");
        using var cc = Process.Start(new ProcessStartInfo("cc", ["-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o", library, source]) { RedirectStandardError = true })!;
        var errors = cc.StandardError.ReadToEnd();
        cc.WaitForExit();
        Assert.True(cc.ExitCode == 0, "cc failed: " + errors);
        return library;
    }

    [Fact]
    public void FakeNvml_ReadThroughTheBinding_GivesItsFiguresExactly()
    {
        using var source = NvmlGpuSource.FromLibrary(BuildFakeNvml());
        Assert.True(source.TryOpen(out var reason), reason);

        var gpus = source.Read(0);

        Assert.Equal(2, gpus.Count);
        var h200 = gpus[0];
        Assert.Equal(
            new GpuReading(0, "nvidia", "GPU-11111111-2222-3333-4444-555555555555", "NVIDIA H200", "570.86.15", 87, 42949672960, 150754820096, 61, 412.345, 98765.432, h200.Processes),
            h200);
        Assert.Equal([new GpuProcessUsage(4321, 40802189312), new GpuProcessUsage(4400, null), new GpuProcessUsage(4500, 1048576)], h200.Processes.ToArray());
        Assert.Equal(
            new GpuReading(1, "nvidia", "GPU-66666666-7777-8888-9999-000000000000", "NVIDIA L4", "570.86.15", 3, 1048576, 24152899584, 35, 16, 1.234, gpus[1].Processes),
            gpus[1]);
        Assert.Empty(gpus[1].Processes);
    }
}
