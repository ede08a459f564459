namespace OllamaOrleans.Grains.Hosting;

/// <summary>Names of the grain storage providers the grains use; the silo registers them.</summary>
public static class StorageNames
{
    /// <summary>Registry, host and model state: memory in the embedded default, Redis in a cluster.</summary>
    public const string Monitor = "monitor";
}
