using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.Grains.Polling;

/// <summary>
/// Whether an observation tells a model grain anything new. Records compare their immutable arrays
/// by reference, so this compares by value.
/// </summary>
public static class ObservationComparer
{
    public static bool IsNews(ModelObservation current, ModelObservation? previous) =>
        previous is null
        || current.Loads != 0
        || current.Unloads != 0
        || current.Name != previous.Name
        || current.Loaded != previous.Loaded
        || !SameAvailable(current.Available, previous.Available)
        || !SameDetails(current.LoadedDetails, previous.LoadedDetails);

    private static bool SameAvailable(AvailableModel? a, AvailableModel? b) =>
        a is null ? b is null : a.IsEquivalentTo(b);

    private static bool SameDetails(ModelDetails? a, ModelDetails? b) =>
        a is null ? b is null : b is not null && a.IsEquivalentTo(b);
}
