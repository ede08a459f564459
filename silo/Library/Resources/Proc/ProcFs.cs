using System.Globalization;
using System.IO.Enumeration;

namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary>
/// Reads the files under <c>/proc</c> (or a copy of them, for tests). Processes come and go while it
/// reads: a file that vanished or cannot be read is "no value", never an exception. Not thread-safe:
/// the one collector loop owns it.
/// </summary>
public sealed partial class ProcFs(string root)
{
    public const string DefaultRoot = "/proc";

    private readonly byte[] buffer = new byte[4096];

    public string Root => root;

    /// <summary>Every process's stat, keyed by PID; read each collection cycle to find runners as they start.</summary>
    public Dictionary<int, ProcStat> ReadTable()
    {
        var table = new Dictionary<int, ProcStat>();
        foreach (var pid in Pids())
        {
            if (TryReadStat(pid, out var stat))
            {
                table[pid] = stat;
            }
        }

        return table;
    }

    public IEnumerable<int> Pids() => new FileSystemEnumerable<int>(
        root,
        static (ref FileSystemEntry e) => int.Parse(e.FileName, NumberStyles.None, CultureInfo.InvariantCulture),
        new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 })
    {
        ShouldIncludePredicate = static (ref FileSystemEntry e) => e.IsDirectory && IsNumber(e.FileName),
    };

    public bool TryReadStat(int pid, out ProcStat stat)
    {
        stat = default;
        var read = ReadBytes(PidPath(pid, "stat"));
        return read > 0 && ProcStat.TryParse(buffer.AsSpan(0, read), out stat);
    }

    public long? ResidentBytes(int pid) => ReadSmallText(PidPath(pid, "status")) is { } text ? ProcStatus.ResidentBytes(text) : null;

    /// <summary>Null when the process is gone or its io file is not readable (another user's process without privileges).</summary>
    public long? StorageReadBytes(int pid) => ReadSmallText(PidPath(pid, "io")) is { } text ? ProcIo.ReadBytes(text) : null;

    public List<ListeningSocket> Listening()
    {
        var sockets = new List<ListeningSocket>();
        foreach (var file in new[] { "net/tcp", "net/tcp6" })
        {
            if (ReadText(Path.Combine(root, file)) is { } text)
            {
                sockets.AddRange(ProcNetTcp.ParseListening(text));
            }
        }

        return sockets;
    }

    /// <summary>
    /// The processes holding one of the socket inodes, found through their <c>fd</c> links
    /// (<c>socket:[inode]</c>). Only processes whose fd directory this user may read are seen.
    /// </summary>
    public List<int> SocketOwners(IReadOnlySet<long> inodes)
    {
        var owners = new List<int>();
        foreach (var pid in Pids())
        {
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(PidPath(pid, "fd")))
                {
                    if (SocketInode(new FileInfo(fd).LinkTarget) is { } inode && inodes.Contains(inode))
                    {
                        owners.Add(pid);
                        break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone, or another user's process: not visible without privileges.
            }
        }

        return owners;
    }

    /// <summary>The PIDs listed in a file of PIDs, one per line (<c>cgroup.procs</c>, a PID file).</summary>
    public static List<int>? ReadPidList(string path)
    {
        try
        {
            return [.. File.ReadAllLines(path)
                .Select(l => int.TryParse(l.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
                .Where(pid => pid > 0)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static long? SocketInode(string? link) =>
        link is not null && link.StartsWith("socket:[", StringComparison.Ordinal) && link.EndsWith(']')
        && long.TryParse(link.AsSpan(8, link.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var inode)
            ? inode
            : null;

    private string PidPath(int pid, string file) =>
        string.Create(CultureInfo.InvariantCulture, $"{root}/{pid}/{file}");

    /// <summary>A per-process file that fits the buffer (status, io), read as ASCII.</summary>
    private string? ReadSmallText(string path)
    {
        var read = ReadBytes(path);
        return read > 0 ? System.Text.Encoding.ASCII.GetString(buffer, 0, read) : null;
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsNumber(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
