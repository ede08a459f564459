using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Polling;

namespace OllamaOrleans.Grains.Hosts;

/// <summary>
/// What a host grain's stored state says besides its poll latencies and timestamps: the registration,
/// the version, the loaded set, the tracked models and the number of failed calls. A change in any of
/// them is written at once; latencies may wait (see <see cref="HostStateCheckpoint"/>).
/// </summary>
public sealed class HostFacts
{
    private readonly HostRegistration? registration;
    private readonly string? version;
    private readonly Dictionary<string, LoadedRunner>? runners;
    private readonly string[] knownModels;
    private readonly long errors;

    private HostFacts(OllamaHostState state)
    {
        registration = state.Registration;
        version = state.Version;
        runners = state.LoadedRunners is null ? null : new Dictionary<string, LoadedRunner>(state.LoadedRunners, StringComparer.Ordinal);
        knownModels = [.. state.KnownModels];
        errors = Errors(state);
    }

    public static HostFacts Of(OllamaHostState state) => new(state);

    public bool Matches(OllamaHostState state) =>
        ReferenceEquals(registration, state.Registration)
        && version == state.Version
        && SameRunners(state.LoadedRunners)
        && state.KnownModels.SequenceEqual(knownModels)
        && errors == Errors(state);

    private bool SameRunners(Dictionary<string, LoadedRunner>? current)
    {
        if (runners is null || current is null)
        {
            return runners is null && current is null;
        }

        return runners.Count == current.Count
            && current.All(r => runners.TryGetValue(r.Key, out var stored) && stored == r.Value);
    }

    private static long Errors(OllamaHostState state)
    {
        var total = 0L;
        foreach (var counters in state.Endpoints.Values)
        {
            foreach (var count in counters.Errors.Values)
            {
                total += count;
            }
        }

        return total;
    }
}
