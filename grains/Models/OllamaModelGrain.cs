using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Hosting;
using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Grains.Storage;
using OllamaOrleans.Protocol.Statistics;
using Orleans.Placement;

namespace OllamaOrleans.Grains.Models;

/// <summary>
/// One model on one host: its presence and residency (from the host grain's polls), its inference
/// counters and rolling statistics (from probes and traffic), and its probes. Placed beside the
/// host grain that first calls it, since that grain is its regular caller.
/// </summary>
[PreferLocalPlacement]
public sealed partial class OllamaModelGrain(
    [PersistentState("model", StorageNames.Monitor)] IPersistentState<OllamaModelState> state,
    IOptions<ProbeOptions> probeOptions,
    ProbeRunner probes,
    StorageHealth storageHealth,
    TimeProvider time,
    ILogger<OllamaModelGrain> logger)
    : Grain, IOllamaModelGrain
{
    private (string Host, string Model) Key => ModelKey.Parse(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleProbes();
        return Task.CompletedTask;
    }

    public async Task<ModelSnapshot> ObserveAsync(ModelObservation observation)
    {
        if (ModelStateReducer.Apply(state.State, observation))
        {
            await WriteStateAsync();
        }

        probeTrigger.Observe(observation.Loaded, observation.Loads, time.GetUtcNow());
        ScheduleProbes();
        return ModelStateReducer.ToSnapshot(state.State)!;
    }

    public async Task<ModelSnapshot> RecordAsync(IReadOnlyList<InferenceRecord> records)
    {
        // Traffic may reach a model before a poll has seen it; its name is the key's until then.
        state.State.Name ??= Key.Model;
        if (records.Count == 0)
        {
            return ModelStateReducer.ToSnapshot(state.State)!;
        }

        // A cloud model's requests are proxied to its remote host: kept apart from the host's inference.
        var cloud = CloudModel.Is(state.State.Name, state.State.Available);
        foreach (var record in records)
        {
            InferenceRecorder.Apply(state.State, cloud && record.Source == InferenceSources.Traffic ? record with { Source = InferenceSources.Cloud } : record);
        }

        if (records.Any(r => r.Source == InferenceSources.Traffic))
        {
            probeTrigger.ClientRequest(time.GetUtcNow());
            ProbeIfDue();
        }

        await WriteStateAsync();
        var snapshot = ModelStateReducer.ToSnapshot(state.State)!;
        await GrainFactory.GetGrain<IOllamaHostGrain>(Key.Host).ModelChangedAsync(Key.Model, snapshot);
        return snapshot;
    }

    public Task<WindowSummary> GetWindowAsync(StatisticsWindow window, string? source) =>
        Task.FromResult(InferenceRecorder.Summarize(state.State, window, source, time.GetUtcNow()));

    public Task<ProbeOutcome> ProbeNowAsync() => ProbeAsync(minimumGap: null, CancellationToken.None);

    public async Task RetireAsync()
    {
        probeTimer?.Dispose();
        probeTimer = null;
        await state.ClearStateAsync();
        state.State = new OllamaModelState();
        this.DeactivateOnIdle();
    }

    public Task<ModelSnapshot?> GetSnapshotAsync() => Task.FromResult(ModelStateReducer.ToSnapshot(state.State));
}
