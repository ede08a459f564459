using System.Runtime.InteropServices;

namespace OllamaOrleans.Silo.Resources.Proc;

public sealed partial class ProcFs
{
    private const int OpenReadOnly = 0;          // O_RDONLY
    private const int OpenCloseOnExec = 0x80000; // O_CLOEXEC (Linux)

    /// <summary>
    /// open, read, close and nothing else: every process's stat is read each cycle, and File's own
    /// open adds an fstat and an advisory lock per file, which /proc files do not need.
    /// </summary>
    private unsafe int ReadBytes(string path)
    {
        var fd = Open(path, OpenReadOnly | OpenCloseOnExec);
        if (fd < 0)
        {
            return 0;
        }

        try
        {
            fixed (byte* target = buffer)
            {
                var read = Read(fd, target, buffer.Length);
                return read > 0 ? (int)read : 0;
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read")]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
