using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Grains.Polling;

/// <summary>
/// Counts model loads and unloads by comparing two <c>/api/ps</c> listings. A model that is new is a
/// load, one that is gone an unload, and one whose runner changed (another digest after a pull, or
/// another context length after a reload with other options) both. Without a previous listing (a
/// host never seen before) the current one is a baseline and counts nothing.
/// </summary>
public static class LoadedModelsDiff
{
    public static LoadDiff Compute(IReadOnlyDictionary<string, LoadedRunner>? previous, IReadOnlyList<PsEntry> current)
    {
        var now = new Dictionary<string, LoadedRunner>(StringComparer.Ordinal);
        foreach (var entry in current)
        {
            now.TryAdd(ModelName.Canonical(entry.Name), new LoadedRunner(entry.Model.Digest, entry.Model.ContextLength));
        }

        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        var unloads = new Dictionary<string, int>(StringComparer.Ordinal);
        if (previous is null)
        {
            return new LoadDiff(now, loads, unloads);
        }

        foreach (var (name, runner) in now)
        {
            if (!previous.TryGetValue(name, out var before))
            {
                loads[name] = 1;
            }
            else if (before != runner)
            {
                loads[name] = 1;
                unloads[name] = 1;
            }
        }

        foreach (var name in previous.Keys)
        {
            if (!now.ContainsKey(name))
            {
                unloads[name] = 1;
            }
        }

        return new LoadDiff(now, loads, unloads);
    }
}
