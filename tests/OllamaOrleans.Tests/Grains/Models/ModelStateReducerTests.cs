using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Models;
using static OllamaOrleans.Tests.Support.Models;

namespace OllamaOrleans.Tests.Grains.Models;

public sealed class ModelStateReducerTests
{
    [Fact]
    public void Apply_FirstObservation_IsDurableAndAddsCounters()
    {
        var state = new OllamaModelState();

        var durable = ModelStateReducer.Apply(state, new ModelObservation("a:latest", Available(), Loaded(), 1, 0));

        Assert.True(durable);
        var snapshot = ModelStateReducer.ToSnapshot(state)!;
        Assert.Equal(("a:latest", 1L, 0L), (snapshot.Name, snapshot.Loads, snapshot.Unloads));
        Assert.Equal("llama", snapshot.Details.Family);
    }

    [Fact]
    public void Apply_OnlyExpiryMoved_IsNotDurable()
    {
        var state = new OllamaModelState();
        ModelStateReducer.Apply(state, new ModelObservation("a:latest", Available(), Loaded(), 0, 0));

        var durable = ModelStateReducer.Apply(state, new ModelObservation("a:latest", Available(), Loaded() with { ExpiresAt = DateTimeOffset.UnixEpoch }, 0, 0));

        Assert.False(durable);
        Assert.Equal(DateTimeOffset.UnixEpoch, state.Loaded!.ExpiresAt);
    }

    [Fact]
    public void Apply_UnloadEvent_IsDurableAndAccumulates()
    {
        var state = new OllamaModelState { Name = "a:latest", Available = Available(), Loads = 3, Unloads = 2 };

        Assert.True(ModelStateReducer.Apply(state, new ModelObservation("a:latest", Available(), null, 0, 1)));
        Assert.Equal((3L, 3L), (state.Loads, state.Unloads));
    }

    [Fact]
    public void Apply_LoadedOnly_KeepsCapabilitiesFromEarlierTags()
    {
        var state = new OllamaModelState();
        ModelStateReducer.Apply(state, new ModelObservation("a:latest", Available(), null, 0, 0));

        ModelStateReducer.Apply(state, new ModelObservation("a:latest", null, Loaded(), 1, 0, ModelDetails.Empty with { Family = "qwen2" }));

        Assert.Equal("qwen2", state.Details!.Family);
        Assert.Equal<string>(["completion"], state.Details.Capabilities);
    }

    [Fact]
    public void ToSnapshot_NeverObserved_IsNull() => Assert.Null(ModelStateReducer.ToSnapshot(new OllamaModelState()));
}
