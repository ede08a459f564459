using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// Integrates each GPU's utilisation over time for one host, split by whether the host was busy:
/// GPU-seconds of activity, so <c>rate()</c> of the busy part over the busy time is the average
/// utilisation while requests ran, which a scrape of the instant gauge would mostly miss.
/// </summary>
public sealed class GpuActivity
{
    private readonly Dictionary<string, (double Busy, double Idle)> totals = new(StringComparer.Ordinal);

    public (double Busy, double Idle) Advance(GpuReading gpu, double seconds, bool busy)
    {
        var key = gpu.Uuid.Length > 0 ? gpu.Uuid : $"{gpu.Vendor}/{gpu.Index}";
        var (b, i) = totals.TryGetValue(key, out var t) ? t : (0, 0);
        var active = (gpu.UtilizationPercent ?? 0) / 100.0 * seconds;
        var next = busy ? (b + active, i) : (b, i + active);
        totals[key] = next;
        return next;
    }
}
