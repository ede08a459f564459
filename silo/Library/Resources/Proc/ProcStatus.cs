using System.Globalization;

namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary><c>/proc/[pid]/status</c>: the resident set size, as <c>ps</c> and psutil report it.</summary>
public static class ProcStatus
{
    /// <summary>VmRSS in bytes (the file says kB, meaning KiB); null for kernel threads and zombies, which have none.</summary>
    public static long? ResidentBytes(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                continue;
            }

            var value = line["VmRSS:".Length..].Trim();
            if (!value.EndsWith(" kB", StringComparison.Ordinal)
                || !long.TryParse(value[..^3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
            {
                return null;
            }

            return kib * 1024;
        }

        return null;
    }
}
