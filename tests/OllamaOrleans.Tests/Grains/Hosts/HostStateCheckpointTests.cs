using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Hosts;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Grains.Hosts;

public sealed class HostStateCheckpointTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    private static OllamaHostState State() => new()
    {
        Registration = TestHosts.Registration("gpu1", new Uri("http://gpu1:11434")),
        Version = "0.32.15",
        LoadedRunners = new(StringComparer.Ordinal) { ["llama3.2:latest"] = new LoadedRunner("d1", 4096) },
        KnownModels = ["llama3.2:latest"],
    };

    private static void Poll(OllamaHostState state, PollFailure? failure = null)
    {
        state.CountersFor(PollEndpoints.Version).Record(TimeSpan.FromMilliseconds(2), failure);
        state.CountersFor(PollEndpoints.Ps).Record(TimeSpan.FromMilliseconds(3), null);
    }

    private static (OllamaHostState State, HostStateCheckpoint Checkpoint) Stored()
    {
        var state = State();
        var checkpoint = new HostStateCheckpoint();
        checkpoint.Loaded(state);
        checkpoint.Stored(state, T0);
        return (state, checkpoint);
    }

    [Fact]
    public void Due_NoWriteYetInThisActivation_IsDue()
    {
        var state = State();
        var checkpoint = new HostStateCheckpoint();
        checkpoint.Loaded(state);

        Assert.True(checkpoint.Due(state, T0));
    }

    [Fact]
    public void Due_OnlyLatenciesAndTimestampsGrew_WaitsForTheCounterLag()
    {
        var (state, checkpoint) = Stored();
        Poll(state);
        state.LastPollAt = T0.AddSeconds(10);
        state.LastSuccessAt = T0.AddSeconds(10);
        state.LoadedRunners = new(state.LoadedRunners!, StringComparer.Ordinal);
        state.KnownModels = ["llama3.2:latest"];

        Assert.False(checkpoint.Due(state, T0 + HostStateCheckpoint.CounterLag - TimeSpan.FromTicks(1)));
        Assert.True(checkpoint.Due(state, T0 + HostStateCheckpoint.CounterLag));
    }

    [Fact]
    public void Endpoints_AreThoseOfTheLastWrite_NotOfLaterPolls()
    {
        var (state, checkpoint) = Stored();
        Poll(state);

        Assert.All(checkpoint.Endpoints, e => Assert.Equal(0, e.Count));
        checkpoint.Stored(state, T0.AddSeconds(10));
        Assert.Equal([1L, 0L, 1L], checkpoint.Endpoints.Select(e => e.Count));
    }

    [Fact]
    public void Due_AFailedCall_IsDueAtOnce()
    {
        var (state, checkpoint) = Stored();
        Poll(state, new PollFailure(PollFailureReason.Refused, "refused"));

        Assert.True(checkpoint.Due(state, T0.AddSeconds(10)));
    }

    public static TheoryData<string> Changes => ["version", "runner", "unloaded", "models", "registration"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Due_AChangedFact_IsDueAtOnce(string change)
    {
        var (state, checkpoint) = Stored();
        switch (change)
        {
            case "version": state.Version = "0.33.0"; break;
            case "runner": state.LoadedRunners = new(StringComparer.Ordinal) { ["llama3.2:latest"] = new LoadedRunner("d2", 4096) }; break;
            case "unloaded": state.LoadedRunners = new(StringComparer.Ordinal); break;
            case "models": state.KnownModels = ["llama3.2:latest", "mistral:7b"]; break;
            case "registration": state.Registration = TestHosts.Registration("gpu1", new Uri("http://gpu1:11435")); break;
        }

        Assert.True(checkpoint.Due(state, T0.AddSeconds(10)));
    }
}
