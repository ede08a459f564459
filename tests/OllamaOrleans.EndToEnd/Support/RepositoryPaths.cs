namespace OllamaOrleans.EndToEnd.Support;

/// <summary>Where the built programs are: beside this test assembly's configuration, under the repository root.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = RepositoryRoot.Find();

    public static string Configuration => RepositoryRoot.Configuration;

    public static string SiloDll => Built("silo", "OllamaOrleans.Silo.dll");

    public static string ApiDll => Built(Path.Combine("api", "OllamaOrleans.Api.Host"), "OllamaOrleans.Api.Host.dll");

    public static string SimulatorDll => Built(Path.Combine("tests", "OllamaSimulator"), "OllamaSimulator.dll");

    /// <summary>The fake's native launcher, named <c>ollama</c> like Ollama's binary (run directly, not through dotnet).</summary>
    public static string FakeOllama => Built(Path.Combine("tests", "FakeOllama"), "ollama");

    private static string Built(string project, string dll) => RepositoryRoot.Built(project, dll);
}
