using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.Grains.Polling;

/// <summary>
/// What a poll means for the host's models: one observation per tracked model (by canonical name),
/// the models that left the host, and how many were not tracked because of the per-host cap.
/// </summary>
public sealed record ObservationPlan(
    IReadOnlyDictionary<string, ModelObservation> Observations,
    IReadOnlyList<string> Retired,
    int Dropped);
