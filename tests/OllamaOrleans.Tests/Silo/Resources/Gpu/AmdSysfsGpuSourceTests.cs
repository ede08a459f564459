using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Tests.Silo.Resources.Gpu;

public sealed class AmdSysfsGpuSourceTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sysfs-").FullName;

    public AmdSysfsGpuSourceTests()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sysfs-amd");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // In a real /sys, class/drm/cardN is a link into devices/.
        var card0 = Path.Combine(root, "class", "drm", "card0");
        var device = Path.Combine(root, "devices", "pci0000:00", "0000:03:00.0", "drm", "card0");
        Directory.CreateDirectory(Path.GetDirectoryName(device)!);
        Directory.Move(card0, device);
        Directory.CreateSymbolicLink(card0, device);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Read_AmdCards_InCardOrder_WithBaseUnits_IgnoringOtherVendorsAndConnectors()
    {
        var source = new AmdSysfsGpuSource(root);
        Assert.True(source.TryOpen(out _));

        var gpus = source.Read(firstIndex: 2);

        Assert.Equal(2, gpus.Count);
        Assert.Equal(
            new GpuReading(2, "amd", "0x1a2b3c4d5e6f7a8b", "AMD Radeon RX 6800", "", 37, 4294967296, 17163091968, 52, 123, null, default),
            gpus[0]);
        Assert.Equal(
            new GpuReading(3, "amd", "", "AMD GPU 0x73ff", "", 0, 1048576, 8573157376, 41, 9, null, default),
            gpus[1]);
    }

    [Fact]
    public void TryOpen_NoDrmDirectory_SaysWhy()
    {
        var empty = Directory.CreateTempSubdirectory("sysfs-empty-").FullName;
        try
        {
            Assert.False(new AmdSysfsGpuSource(empty).TryOpen(out var reason));
            Assert.Equal($"AMD: no amdgpu device with gpu_busy_percent under {Path.Combine(empty, "class", "drm")}", reason);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
