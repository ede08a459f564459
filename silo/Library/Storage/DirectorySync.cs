using System.Runtime.InteropServices;

namespace OllamaOrleans.Silo.Storage;

/// <summary>
/// Flushes a directory's entries to disk (<c>fsync</c> of the directory), so a rename done before it
/// survives a power loss; .NET opens no handle on a directory, hence libc. A no-op off Linux.
/// </summary>
public static partial class DirectorySync
{
    private const int ReadOnly = 0;          // O_RDONLY, which opens a directory too
    private const int CloseOnExec = 0x80000; // O_CLOEXEC on x86-64 and arm64

    /// <summary>Syncs <paramref name="path"/>; throws <see cref="IOException"/> when it cannot.</summary>
    public static void Flush(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(path, ReadOnly | CloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"{path} could not be opened to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"{path} could not be flushed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
