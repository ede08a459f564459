using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Grains.Polling;

/// <summary>
/// Merges one poll's <c>/api/tags</c> and <c>/api/ps</c> (either may have failed: null) with what was
/// known before. A failed listing keeps the last known facts it would have told; a model leaves only
/// when both listings succeeded and neither names it. Loaded models are tracked first when the
/// per-host cap bites, then models already tracked, then by name.
/// </summary>
public static class ObservationPlanner
{
    public static ObservationPlan Plan(
        ParsedList<TagsEntry>? tags,
        ParsedList<PsEntry>? ps,
        LoadDiff? diff,
        IReadOnlyDictionary<string, ModelSnapshot> known,
        int maxModels)
    {
        var merged = new Dictionary<string, Draft>(StringComparer.Ordinal);
        if (tags is not null)
        {
            foreach (var entry in tags.Items)
            {
                Get(merged, entry.Name).Available ??= entry.Model;
            }
        }

        if (ps is not null)
        {
            foreach (var entry in ps.Items)
            {
                var draft = Get(merged, entry.Name);
                if (draft.Loaded is null)
                {
                    draft.Loaded = entry.Model;
                    draft.LoadedDetails = entry.Details;
                }
            }
        }

        foreach (var (canonical, snapshot) in known)
        {
            if (tags is null && snapshot.Available is not null)
            {
                Get(merged, snapshot.Name, canonical).Available ??= snapshot.Available;
            }

            if (ps is null && snapshot.Loaded is not null)
            {
                Get(merged, snapshot.Name, canonical).Loaded ??= snapshot.Loaded;
            }
        }

        var ordered = merged
            .OrderByDescending(m => m.Value.Loaded is not null)
            .ThenByDescending(m => known.ContainsKey(m.Key))
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .ToList();
        var kept = ordered.Take(Math.Max(0, maxModels)).ToList();

        var observations = new Dictionary<string, ModelObservation>(StringComparer.Ordinal);
        foreach (var (canonical, draft) in kept)
        {
            observations[canonical] = new ModelObservation(
                draft.Name,
                draft.Available,
                draft.Loaded,
                diff?.Loads.GetValueOrDefault(canonical) ?? 0,
                diff?.Unloads.GetValueOrDefault(canonical) ?? 0,
                draft.LoadedDetails);
        }

        var retired = known.Keys.Where(k => !observations.ContainsKey(k)).ToList();
        return new ObservationPlan(observations, retired, ordered.Count - kept.Count);
    }

    private static Draft Get(Dictionary<string, Draft> merged, string name, string? canonical = null)
    {
        canonical ??= ModelName.Canonical(name);
        if (!merged.TryGetValue(canonical, out var draft))
        {
            draft = new Draft { Name = ModelName.Normalize(name) };
            merged[canonical] = draft;
        }

        return draft;
    }

    private sealed class Draft
    {
        public required string Name { get; init; }

        public AvailableModel? Available { get; set; }

        public LoadedModel? Loaded { get; set; }

        public ModelDetails? LoadedDetails { get; set; }
    }
}
