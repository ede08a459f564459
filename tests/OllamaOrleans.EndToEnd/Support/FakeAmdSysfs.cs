namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// A /sys with one amdgpu card (<c>class/drm/card0/device</c>: vendor 0x1002, busy percent, VRAM
/// used and total, temperature and power in its hwmon folder), for a silo on a machine without a GPU: <c>Resources__SysRoot</c> points at it.
/// </summary>
public sealed class FakeAmdSysfs : IDisposable
{
    public const long VramUsed = 4L << 30;
    public const long VramTotal = 16L << 30;
    public const int BusyPercent = 37;
    public const int TemperatureCelsius = 61;
    public const int PowerWatts = 180;

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
        var hwmon = Path.Combine(device, "hwmon", "hwmon3");
        Directory.CreateDirectory(hwmon);
        File.WriteAllText(Path.Combine(hwmon, "temp1_input"), $"{TemperatureCelsius * 1000}\n");
        File.WriteAllText(Path.Combine(hwmon, "power1_average"), $"{PowerWatts * 1_000_000}\n");
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("sys-amd-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
