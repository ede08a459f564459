using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Hosts;

/// <summary>
/// When a host grain writes its state, and which poll counters it may export. Every poll changes the
/// latency histograms and timestamps, but little else in a steady fleet, so a poll writes only when
/// the <see cref="HostFacts"/> changed, when this activation has not written yet, or when the last
/// write is <see cref="CounterLag"/> old. The exported poll counters are those of the last write
/// (a watermark): an activation that takes over after a crash starts from counters no lower than any
/// scrape has seen, and they run at most <see cref="CounterLag"/> (and one interval) behind the polls.
/// </summary>
public sealed class HostStateCheckpoint
{
    /// <summary>The longest a grown poll counter waits to be written (and exported).</summary>
    public static readonly TimeSpan CounterLag = TimeSpan.FromSeconds(30);

    private HostFacts? facts;
    private DateTimeOffset storedAt;

    /// <summary>The poll counters of the stored state.</summary>
    public ImmutableArray<EndpointPollStats> Endpoints { get; private set; } = [];

    /// <summary>Takes the state as read at activation as the stored one; the first poll still writes.</summary>
    public void Loaded(OllamaHostState state) => Endpoints = state.EndpointStats();

    public bool Due(OllamaHostState state, DateTimeOffset now) =>
        facts is null || !facts.Matches(state) || now - storedAt >= CounterLag;

    public void Stored(OllamaHostState state, DateTimeOffset now)
    {
        facts = HostFacts.Of(state);
        storedAt = now;
        Endpoints = state.EndpointStats();
    }
}
