using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.Grains.Models;

/// <summary>Applies an observation to a model's state; says whether the change must be persisted.</summary>
public static class ModelStateReducer
{
    /// <returns>
    /// True when something that must survive a restart changed: the counters, or whether the model is
    /// on disk or loaded. Figures that the next poll refreshes anyway (expiry, memory) are not worth a
    /// storage write each poll.
    /// </returns>
    public static bool Apply(OllamaModelState state, ModelObservation observation)
    {
        var durable = state.Name != observation.Name
            || observation.Loads != 0
            || observation.Unloads != 0
            || (state.Available is null) != (observation.Available is null)
            || (state.Loaded is null) != (observation.Loaded is null)
            || state.Available?.Digest != observation.Available?.Digest;

        state.Name = observation.Name;
        state.Available = observation.Available;
        state.Loaded = observation.Loaded;
        state.Details = observation.Available?.Details ?? MergeLoadedDetails(state.Details, observation.LoadedDetails);
        state.Loads += observation.Loads;
        state.Unloads += observation.Unloads;
        state.Revision++;
        return durable;
    }

    public static ModelSnapshot? ToSnapshot(OllamaModelState state) =>
        state.Name is null
            ? null
            : new ModelSnapshot(state.Name, state.Available, state.Loaded, state.Details ?? ModelDetails.Empty, state.Loads, state.Unloads)
            {
                Revision = state.Revision,
                Inference = [.. state.Inference.Values.OrderBy(c => c.Source, StringComparer.Ordinal).Select(c => c.ToSnapshot())],
                Probe = state.Probe,
            };

    /// <summary><c>/api/ps</c> details lack the trained context length and capabilities; keep what tags told.</summary>
    private static ModelDetails? MergeLoadedDetails(ModelDetails? known, ModelDetails? loaded)
    {
        if (loaded is null)
        {
            return known;
        }

        return known is null
            ? loaded
            : loaded with { ContextLength = known.ContextLength, EmbeddingLength = known.EmbeddingLength, Capabilities = known.Capabilities };
    }
}
