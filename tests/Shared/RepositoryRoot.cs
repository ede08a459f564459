namespace OllamaOrleans.Testing;

/// <summary>The checkout's root: the first folder above the test binaries that holds OllamaOrleans.sln.</summary>
public static class RepositoryRoot
{
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
}
