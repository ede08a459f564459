using System.Globalization;

namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary>
/// <c>/proc/[pid]/io</c>: <c>read_bytes</c>, what the process caused to be fetched from storage
/// (page cache misses, memory-mapped model files included), not what it read from the cache.
/// </summary>
public static class ProcIo
{
    public static long? ReadBytes(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("read_bytes:", StringComparison.Ordinal)
                && long.TryParse(line["read_bytes:".Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
            {
                return bytes;
            }
        }

        return null;
    }
}
