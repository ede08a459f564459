namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// A /sys with one amdgpu card (<c>class/drm/card0/device</c>: vendor 0x1002, busy percent, VRAM
/// used and total), for a silo on a machine without a GPU: <c>Resources__SysRoot</c> points at it.
/// </summary>
public sealed class FakeAmdSysfs : IDisposable
{
    public const long VramUsed = 4L << 30;
    public const long VramTotal = 16L << 30;
    public const int BusyPercent = 37;

    public FakeAmdSysfs()
    {
        var device = Path.Combine(Root, "class", "drm", "card0", "device");
        Directory.CreateDirectory(device);
        File.WriteAllText(Path.Combine(device, "vendor"), "0x1002\n");
        File.WriteAllText(Path.Combine(device, "device"), "0x73bf\n");
        File.WriteAllText(Path.Combine(device, "product_name"), "AMD Radeon RX 6800\n");
        File.WriteAllText(Path.Combine(device, "gpu_busy_percent"), $"{BusyPercent}\n");
        File.WriteAllText(Path.Combine(device, "mem_info_vram_used"), $"{VramUsed}\n");
        File.WriteAllText(Path.Combine(device, "mem_info_vram_total"), $"{VramTotal}\n");
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("sys-amd-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
