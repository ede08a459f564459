namespace OllamaOrleans.Tests.Support;

/// <summary>Captured Ollama answers under Fixtures/ollama (shapes from the reference, old versions included).</summary>
public static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ollama", name));

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ollama", name));
}
