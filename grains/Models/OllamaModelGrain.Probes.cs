using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Probes;

namespace OllamaOrleans.Grains.Models;

/// <summary>
/// Probes. <c>Always</c>: a timer every interval. <c>LoadedOnly</c>: no timer; a probe starts right
/// after a poll or the gateway shows that a client used the model (<see cref="ProbeTrigger"/>), at most
/// once per interval, and the host's poll never waits for it.
/// </summary>
public sealed partial class OllamaModelGrain
{
    private readonly ProbeTrigger probeTrigger = new();
    private IGrainTimer? probeTimer;
    private IGrainTimer? triggeredProbe;
    private TimeSpan probeInterval;
    private string? lastProbeStatus;

    private EffectiveProbe Settings() => ProbeSettingsResolver.Resolve(probeOptions.Value, Key.Host, state.State.Name ?? Key.Model);

    /// <summary>Keeps a timer exactly while the settings want this model probed in Always mode; starts a due LoadedOnly probe.</summary>
    private void ScheduleProbes()
    {
        var settings = Settings();
        if (state.State.Name is null || settings.Mode != ProbeMode.Always)
        {
            probeTimer?.Dispose();
            probeTimer = null;
            ProbeIfDue();
            return;
        }

        if (probeTimer is not null && probeInterval == settings.Interval)
        {
            return;
        }

        probeTimer?.Dispose();
        probeInterval = settings.Interval;
        probeTimer = this.RegisterGrainTimer(ct => ProbeFromTimerAsync(settings.Interval, ct), new GrainTimerCreationOptions
        {
            // Jitter between half and a whole interval, so a fleet's models do not probe in lockstep.
            DueTime = TimeSpan.FromTicks((long)((0.5 + (Random.Shared.NextDouble() / 2)) * settings.Interval.Ticks)),
            Period = settings.Interval,
            Interleave = true,
            KeepAlive = true,
        });
    }

    /// <summary>Starts a LoadedOnly probe on a one-shot timer when a client's use makes one due.</summary>
    private void ProbeIfDue()
    {
        var settings = Settings();
        if (state.State.Name is null || settings.Mode != ProbeMode.LoadedOnly || triggeredProbe is not null)
        {
            return;
        }

        // ProbeAsync asks again; asking here registers a timer only for a probe that may run.
        if (probeTrigger.WhyNot(time.GetUtcNow(), settings.Interval) is not null)
        {
            return;
        }

        triggeredProbe = this.RegisterGrainTimer(RunTriggeredProbeAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            Interleave = true,
            KeepAlive = true,
        });
    }

    private async Task RunTriggeredProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ProbeFromTimerAsync(Settings().Interval, cancellationToken);
        }
        finally
        {
            triggeredProbe?.Dispose();
            triggeredProbe = null;
        }
    }

    private async Task ProbeFromTimerAsync(TimeSpan minimumGap, CancellationToken cancellationToken)
    {
        try
        {
            await ProbeAsync(minimumGap, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogProbeCrashed(logger, e, Key.Host, Key.Model);
        }
    }

    /// <param name="minimumGap">The probe interval for scheduled probes; null for one asked for explicitly.</param>
    private async Task<ProbeOutcome> ProbeAsync(TimeSpan? minimumGap, CancellationToken cancellationToken)
    {
        var settings = Settings();
        if (settings.Mode == ProbeMode.Off || state.State.Name is null)
        {
            return new ProbeOutcome(false, null, "probes are off for this model");
        }

        var loadedOnly = settings.Mode == ProbeMode.LoadedOnly;
        var startedAt = time.GetUtcNow();
        if (loadedOnly && probeTrigger.TryStart(startedAt, minimumGap) is { } notNow)
        {
            return new ProbeOutcome(false, null, notNow);
        }

        ProbeResult? result = null;
        try
        {
            result = await LeaseAndRunAsync(settings, cancellationToken);
        }
        finally
        {
            // Before the record is published, so whoever sees the probe counted sees it finished.
            if (loadedOnly)
            {
                probeTrigger.Finish(startedAt, result?.Record is not null, result?.ExpiresAfter);
            }
        }

        if (result?.Record is not { } record)
        {
            return new ProbeOutcome(false, null, result?.SkipReason ?? "the host is down, busy, or already probing");
        }

        await RecordAsync([record]);
        ReportProbe(record, result.Message);
        return new ProbeOutcome(true, record.Status, null);
    }

    /// <returns>Null when the host grants no lease.</returns>
    private async Task<ProbeResult?> LeaseAndRunAsync(EffectiveProbe settings, CancellationToken cancellationToken)
    {
        var host = GrainFactory.GetGrain<IOllamaHostGrain>(Key.Host);
        var lease = await host.TryStartProbeAsync(Key.Model);
        if (lease is null)
        {
            return null;
        }

        try
        {
            return await probes.RunAsync(new Uri(lease.BaseUrl), lease.ModelName, settings, cancellationToken);
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
}
