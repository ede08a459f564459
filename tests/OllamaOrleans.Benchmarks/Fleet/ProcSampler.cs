using System.Globalization;

namespace OllamaOrleans.Benchmarks.Fleet;

/// <summary>
/// CPU time and memory of processes from <c>/proc</c>: utime + stime of <c>/proc/[pid]/stat</c> (clock
/// ticks, 100 per second on Linux), VmRSS of <c>status</c>, and Pss of <c>smaps_rollup</c> (resident
/// memory with shared pages split among their sharers, so a sum over processes counts them once).
/// </summary>
public static class ProcSampler
{
    private const double TicksPerSecond = 100;

    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    public static long RssBytes(int pid) => KiB($"/proc/{pid}/status", "VmRSS:");

    public static long PssBytes(int pid) => KiB($"/proc/{pid}/smaps_rollup", "Pss:");

    /// <summary>CPU share of one core and mean resident and proportional memory of a set of processes over a period.</summary>
    public static async Task<(double Cores, long Rss, long Pss)> MeasureAsync(IReadOnlyList<int> pids, TimeSpan period, Func<Task>? duringEachSecond = null)
    {
        var cpu0 = pids.Sum(CpuSeconds);
        var started = DateTime.UtcNow;
        var rss = new List<long>();
        var pss = new List<long>();
        while (DateTime.UtcNow - started < period)
        {
            rss.Add(pids.Sum(RssBytes));
            pss.Add(pids.Sum(PssBytes));
            if (duringEachSecond is not null)
            {
                await duringEachSecond();
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var cores = (pids.Sum(CpuSeconds) - cpu0) / (DateTime.UtcNow - started).TotalSeconds;
        return (cores, (long)rss.Average(), (long)pss.Average());
    }

    private static long KiB(string path, string key)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
