namespace OllamaOrleans.Tests.Support;

/// <summary>
/// The captured <c>/proc</c> tree under Fixtures/proc, copied to a temporary directory where the
/// server's fd links (<c>socket:[75704]</c>, <c>socket:[75710]</c>) are added, as a real /proc has them.
/// </summary>
public sealed class ProcFixture : IDisposable
{
    public const int ServerPid = 27098;
    public const int RunnerPid = 27108;

    public ProcFixture()
    {
        Root = Directory.CreateTempSubdirectory("proc-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "proc");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Link(ServerPid, 3, "pipe:[75060]");
        Link(ServerPid, 11, "socket:[74701]");
        Link(ServerPid, 48, "socket:[75704]");
        Link(ServerPid, 49, "socket:[75710]");
        Link(RunnerPid, 0, "pipe:[75061]");
        Directory.CreateDirectory(Path.Combine(Root, "2", "fd"));
    }

    public string Root { get; }

    public static string Text(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "proc", relative));

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Link(int pid, int fd, string target)
    {
        var dir = Path.Combine(Root, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "fd");
        Directory.CreateDirectory(dir);
        File.CreateSymbolicLink(Path.Combine(dir, fd.ToString(System.Globalization.CultureInfo.InvariantCulture)), target);
    }
}
