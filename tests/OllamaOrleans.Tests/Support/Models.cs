using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Ollama;

namespace OllamaOrleans.Tests.Support;

/// <summary>Small builders for model records used across tests.</summary>
public static class Models
{
    public static AvailableModel Available(long size = 1000, string digest = "d1") =>
        new(size, digest, new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), ModelDetails.Empty with { Family = "llama", Capabilities = ["completion"] });

    public static LoadedModel Loaded(long memory = 2000, long vram = 2000, int context = 4096, string digest = "d1") =>
        new(memory, vram, context, new DateTimeOffset(2026, 8, 1, 0, 5, 0, TimeSpan.Zero), digest);

    public static TagsEntry Tag(string name, long size = 1000) => new(name, Available(size));

    public static PsEntry Ps(string name, long memory = 2000) => new(name, Loaded(memory), ModelDetails.Empty with { Family = "llama" });

    public static ParsedList<T> List<T>(params T[] items) => new(items, 0);

    public static ModelSnapshot Snapshot(string name, AvailableModel? available = null, LoadedModel? loaded = null, long loads = 0, long unloads = 0) =>
        new(name, available, loaded, available?.Details ?? ModelDetails.Empty, loads, unloads);
}
