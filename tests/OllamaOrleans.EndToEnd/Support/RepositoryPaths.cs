namespace OllamaOrleans.EndToEnd.Support;

/// <summary>Where the built programs are: beside this test assembly's configuration, under the repository root.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, as this test assembly was built.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string SiloDll => Built("silo", "OllamaOrleans.Silo.dll");

    public static string ApiDll => Built(Path.Combine("api", "OllamaOrleans.Api.Host"), "OllamaOrleans.Api.Host.dll");

    public static string SimulatorDll => Built(Path.Combine("tests", "OllamaSimulator"), "OllamaSimulator.dll");

    /// <summary>The fake's native launcher, named <c>ollama</c> like Ollama's binary (run directly, not through dotnet).</summary>
    public static string FakeOllama => Built(Path.Combine("tests", "FakeOllama"), "ollama");

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the solution first (the test script does).", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OllamaOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OllamaOrleans.sln not found above " + AppContext.BaseDirectory);
    }
}
