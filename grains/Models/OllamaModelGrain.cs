using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces;
using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Grains.Storage;
using Orleans.Placement;

namespace OllamaOrleans.Grains.Models;

/// <summary>
/// One model on one host: its presence and residency (from the host grain's polls), its inference
/// counters and rolling statistics (from probes and traffic), and its probe schedule. Placed beside the
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
    private IGrainTimer? probeTimer;
    private TimeSpan probeInterval;
    private string? lastProbeStatus;

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

        foreach (var record in records)
        {
            InferenceRecorder.Apply(state.State, record);
        }

        await WriteStateAsync();
        var snapshot = ModelStateReducer.ToSnapshot(state.State)!;
        await GrainFactory.GetGrain<IOllamaHostGrain>(Key.Host).ModelChangedAsync(Key.Model, snapshot);
        return snapshot;
    }

    public Task<WindowSummary> GetWindowAsync(StatisticsWindow window, string? source) =>
        Task.FromResult(InferenceRecorder.Summarize(state.State, window, source, time.GetUtcNow()));

    public Task<ProbeOutcome> ProbeNowAsync() => ProbeAsync(CancellationToken.None);

    public async Task RetireAsync()
    {
        probeTimer?.Dispose();
        probeTimer = null;
        await state.ClearStateAsync();
        state.State = new OllamaModelState();
        this.DeactivateOnIdle();
    }

    public Task<ModelSnapshot?> GetSnapshotAsync() => Task.FromResult(ModelStateReducer.ToSnapshot(state.State));

    private EffectiveProbe Settings() => ProbeSettingsResolver.Resolve(probeOptions.Value, Key.Host, state.State.Name ?? Key.Model);

    /// <summary>Keeps a probe timer exactly while the settings want this model probed.</summary>
    private void ScheduleProbes()
    {
        var settings = Settings();
        var wanted = state.State.Name is not null && settings.Mode switch
        {
            ProbeMode.LoadedOnly => state.State.Loaded is not null,
            ProbeMode.Always => true,
            _ => false,
        };
        if (!wanted)
        {
            probeTimer?.Dispose();
            probeTimer = null;
            return;
        }

        if (probeTimer is not null && probeInterval == settings.Interval)
        {
            return;
        }

        probeTimer?.Dispose();
        probeInterval = settings.Interval;
        probeTimer = this.RegisterGrainTimer(ProbeFromTimerAsync, new GrainTimerCreationOptions
        {
            // Jitter between half and a whole interval, so a fleet's models do not probe in lockstep.
            DueTime = TimeSpan.FromTicks((long)((0.5 + (Random.Shared.NextDouble() / 2)) * settings.Interval.Ticks)),
            Period = settings.Interval,
            Interleave = true,
            KeepAlive = true,
        });
    }

    private async Task ProbeFromTimerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ProbeAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogProbeCrashed(logger, e, Key.Host, Key.Model);
        }
    }

    private async Task<ProbeOutcome> ProbeAsync(CancellationToken cancellationToken)
    {
        var settings = Settings();
        if (settings.Mode == ProbeMode.Off || state.State.Name is null)
        {
            return new ProbeOutcome(false, null, "probes are off for this model");
        }

        var host = GrainFactory.GetGrain<IOllamaHostGrain>(Key.Host);
        var lease = await host.TryStartProbeAsync(Key.Model);
        if (lease is null)
        {
            return new ProbeOutcome(false, null, "the host is down, busy, or already probing");
        }

        try
        {
            var result = await probes.RunAsync(new Uri(lease.BaseUrl), lease.ModelName, settings, cancellationToken);
            if (result.Record is not { } record)
            {
                return new ProbeOutcome(false, null, result.SkipReason);
            }

            await RecordAsync([record]);
            ReportProbe(record, result.Message);
            return new ProbeOutcome(true, record.Status, null);
        }
        finally
        {
            await host.EndProbeAsync(Key.Model);
        }
    }

    /// <summary>Logs a failing probe once, and its recovery once, instead of every interval.</summary>
    private void ReportProbe(InferenceRecord record, string? message)
    {
        var previous = lastProbeStatus;
        lastProbeStatus = record.Status;
        if (record.Succeeded && previous is not null && previous != "200")
        {
            LogProbeRecovered(logger, Key.Host, Key.Model);
        }
        else if (!record.Succeeded && previous != record.Status)
        {
            LogProbeFailed(logger, Key.Host, Key.Model, record.Status, message ?? "");
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Probe of {Model} on {Host} failed: {Status} {Message}")]
    private static partial void LogProbeFailed(ILogger logger, string host, string model, string status, string message);

    [LoggerMessage(2, LogLevel.Information, "Probe of {Model} on {Host} succeeds again.")]
    private static partial void LogProbeRecovered(ILogger logger, string host, string model);

    [LoggerMessage(3, LogLevel.Error, "Probe of {Model} on {Host} failed unexpectedly; the next one runs as scheduled.")]
    private static partial void LogProbeCrashed(ILogger logger, Exception exception, string host, string model);
}
