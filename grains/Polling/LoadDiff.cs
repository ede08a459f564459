namespace OllamaOrleans.Grains.Polling;

/// <summary>The loaded set after a poll and the loads and unloads counted against the previous one, by canonical name.</summary>
public sealed record LoadDiff(
    IReadOnlyDictionary<string, LoadedRunner> Current,
    IReadOnlyDictionary<string, int> Loads,
    IReadOnlyDictionary<string, int> Unloads);
