using OllamaOrleans.GrainInterfaces;
using Orleans.Placement;

namespace OllamaOrleans.Grains.Models;

/// <summary>
/// One model on one host. Placed beside the host grain that first calls it, since that grain is its
/// only regular caller.
/// </summary>
[PreferLocalPlacement]
public sealed class OllamaModelGrain(
    [PersistentState("model", StorageNames.Monitor)] IPersistentState<OllamaModelState> state)
    : Grain, IOllamaModelGrain
{
    public async Task<ModelSnapshot> ObserveAsync(ModelObservation observation)
    {
        if (ModelStateReducer.Apply(state.State, observation))
        {
            await state.WriteStateAsync();
        }

        return ModelStateReducer.ToSnapshot(state.State)!;
    }

    public Task<ModelSnapshot?> GetSnapshotAsync() => Task.FromResult(ModelStateReducer.ToSnapshot(state.State));

    public async Task RetireAsync()
    {
        await state.ClearStateAsync();
        state.State = new OllamaModelState();
        this.DeactivateOnIdle();
    }
}
