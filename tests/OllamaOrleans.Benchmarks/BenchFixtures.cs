namespace OllamaOrleans.Benchmarks;

/// <summary>The captured Ollama bodies of the unit tests (Fixtures/ollama), copied beside the benchmarks.</summary>
public static class BenchFixtures
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ollama", name));
}
