namespace OllamaOrleans.Testing;

/// <summary>The checkout's root (the first folder above the test binaries that holds OllamaOrleans.sln), and the
/// programs built under it in this test assembly's configuration.</summary>
public static class RepositoryRoot
{
    /// <summary>Debug or Release, as this test assembly was built.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OllamaOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no OllamaOrleans.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>A file a project of the solution built (<paramref name="project"/> is its folder, from the root).</summary>
    public static string Built(string project, string file)
    {
        var path = Path.Combine(Find(), project, "bin", Configuration, "net10.0", file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the solution first (the test script does).", path);
    }
}
