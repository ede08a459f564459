using System.Globalization;
using System.Text.RegularExpressions;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>
/// AMD GPUs through the amdgpu driver's sysfs files (no ROCm needed): <c>class/drm/cardN/device</c>
/// with vendor 0x1002 gives gpu_busy_percent, mem_info_vram_used/total, and its hwmon temp1_input
/// (millidegrees) and power1_average or power1_input (microwatts). Per-process GPU memory is not in
/// sysfs, so AMD readings carry no processes.
/// </summary>
public sealed partial class AmdSysfsGpuSource(string sysRoot) : IGpuSource
{
    public const string DefaultRoot = "/sys";
    private const string AmdVendor = "0x1002";

    private Card[] cards = [];
    private string driver = "";

    public bool TryOpen(out string reason)
    {
        var drm = Path.Combine(sysRoot, "class", "drm");
        cards = !Directory.Exists(drm) ? [] : [.. Directory.EnumerateDirectories(drm)
            .Select(dir => (Dir: dir, Match: CardName().Match(Path.GetFileName(dir))))
            .Where(c => c.Match.Success)
            .OrderBy(c => int.Parse(c.Match.Groups[1].Value, CultureInfo.InvariantCulture))
            .Select(c => Path.Combine(c.Dir, "device"))
            .Where(device => Text(device, "vendor") == AmdVendor && File.Exists(Path.Combine(device, "gpu_busy_percent")))
            .Select((device, i) => new Card(i, device, Text(device, "unique_id") ?? "", Text(device, "product_name") ?? $"AMD GPU {Text(device, "device") ?? ""}".TrimEnd()))];
        driver = Text(Path.Combine(sysRoot, "module", "amdgpu"), "version") ?? "";
        reason = cards.Length == 0 ? $"AMD: no amdgpu device with gpu_busy_percent under {drm}" : "";
        return cards.Length > 0;
    }

    public IReadOnlyList<GpuReading> Read(int firstIndex) => [.. cards.Select(c => Read(c, firstIndex))];

    public void Dispose()
    {
    }

    private GpuReading Read(Card card, int firstIndex)
    {
        var hwmon = Hwmon(card.Device);
        var power = Number(hwmon, "power1_average") ?? Number(hwmon, "power1_input");
        var busy = Number(card.Device, "gpu_busy_percent");
        return new GpuReading(
            firstIndex + card.Index,
            "amd",
            card.Uuid,
            card.Name,
            driver,
            busy,
            (long?)Number(card.Device, "mem_info_vram_used"),
            (long?)Number(card.Device, "mem_info_vram_total"),
            Number(hwmon, "temp1_input") / 1000.0,
            power / 1_000_000.0,
            null,
            default,
            busy is null ? $"{card.Device}/gpu_busy_percent could not be read" : null);
    }

    private static string? Hwmon(string device)
    {
        var root = Path.Combine(device, "hwmon");
        return Directory.Exists(root) ? Directory.EnumerateDirectories(root, "hwmon*").Order(StringComparer.Ordinal).FirstOrDefault() : null;
    }

    private static double? Number(string? dir, string file) =>
        Text(dir, file) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Text(string? dir, string file)
    {
        if (dir is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(Path.Combine(dir, file)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^card(\d+)$")]
    private static partial Regex CardName();

    private sealed record Card(int Index, string Device, string Uuid, string Name);
}
