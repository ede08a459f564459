using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Polling;

namespace OllamaOrleans.Grains.Hosts;

/// <summary>
/// The host grain's view of its model grains: the last snapshot each returned, and what was last sent
/// to it. A model grain is called only when its observation is news; load and unload counts that a
/// failed call could not deliver are added to the next observation, so none is lost.
/// </summary>
public sealed class ModelFanOut
{
    private readonly Dictionary<string, ModelSnapshot> known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelObservation> lastSent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Loads, int Unloads)> undelivered = new(StringComparer.Ordinal);

    /// <summary>The last snapshot of every tracked model, by canonical name.</summary>
    public IReadOnlyDictionary<string, ModelSnapshot> Known => known;

    /// <summary>Takes a snapshot unless a newer one of the same model is already known.</summary>
    /// <returns>Whether the snapshot was taken.</returns>
    public bool Keep(string canonical, ModelSnapshot snapshot)
    {
        if (known.TryGetValue(canonical, out var current) && current.Revision > snapshot.Revision)
        {
            return false;
        }

        known[canonical] = snapshot;
        return true;
    }

    public async Task DeliverAsync(ObservationPlan plan, Func<string, IOllamaModelGrain> grainOf, Action<Exception> onFailure)
    {
        var calls = new List<(string Canonical, ModelObservation Observation, Task<ModelSnapshot> Call)>();
        foreach (var (canonical, planned) in plan.Observations)
        {
            var observation = planned;
            if (undelivered.TryGetValue(canonical, out var pending))
            {
                observation = observation with { Loads = observation.Loads + pending.Loads, Unloads = observation.Unloads + pending.Unloads };
            }

            if (known.ContainsKey(canonical) && !ObservationComparer.IsNews(observation, lastSent.GetValueOrDefault(canonical)))
            {
                continue;
            }

            calls.Add((canonical, observation, grainOf(canonical).ObserveAsync(observation)));
        }

        foreach (var (canonical, observation, call) in calls)
        {
            try
            {
                Keep(canonical, await call);
                lastSent[canonical] = observation with { Loads = 0, Unloads = 0 };
                undelivered.Remove(canonical);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                undelivered[canonical] = (observation.Loads, observation.Unloads);
                onFailure(e);
            }
        }

        foreach (var canonical in plan.Retired)
        {
            try
            {
                await grainOf(canonical).RetireAsync();
                known.Remove(canonical);
                lastSent.Remove(canonical);
                undelivered.Remove(canonical);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                onFailure(e);
            }
        }
    }
}
