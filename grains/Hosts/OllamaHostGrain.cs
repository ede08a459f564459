using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Hosting;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Grains.Storage;

namespace OllamaOrleans.Grains.Hosts;

/// <summary>
/// One Ollama host. A KeepAlive timer polls <c>/api/version</c> and <c>/api/ps</c>, and <c>/api/tags</c>
/// when <see cref="TagsSchedule"/> says the listing may have changed;
/// the results go to the host's model grains and, as a snapshot, to this silo's registry. The work
/// itself (parsing, diffing, planning) is done by pure classes; this is the shell around them.
/// Placed on the silo of the node its Ollama runs on, when there is one, so that silo can read the
/// server's processes and GPUs; it moves there when such a silo joins later.
/// </summary>
[NodeLocalPlacement]
public sealed partial class OllamaHostGrain(
    [PersistentState("host", StorageNames.Monitor)] IPersistentState<OllamaHostState> state,
    OllamaApiClient client,
    IHostSnapshotRegistry registry,
    ReportedTraffic reportedTraffic,
    INodeDirectory nodes,
    StorageHealth storageHealth,
    IOptions<PollingOptions> options,
    IOptions<ProbeOptions> probeOptions,
    TimeProvider time,
    ILogger<OllamaHostGrain> logger)
    : Grain, IOllamaHostGrain
{
    private readonly ModelFanOut models = new();
    private readonly ProbeGate probeGate = new();
    private readonly TagsSchedule tagsSchedule = new();
    private readonly HostStateCheckpoint checkpoint = new();
    private IGrainTimer? timer;
    private bool stoppedCleanly = true;
    private HostSnapshot? snapshot;
    private HealthTransitions health = new();
    private StateWriter<OllamaHostState>? stateWriter;

    private string Name => this.GetPrimaryKeyString();

    private StateWriter<OllamaHostState> Writer => stateWriter ??= new(state, storageHealth, Name);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A state polled since its last clean stop was left by a crash: this activation is a fail-over.
        stoppedCleanly = PollSchedule.StoppedCleanly(state.State.LastPollAt, state.State.StoppedAt);
        state.State.StoppedAt = null;
        checkpoint.Loaded(state.State);
        if (state.State.Registration is not null)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        registry.Remove(Name);
        reportedTraffic.Report(Name, busy: false, default);
        timer?.Dispose();
        if (state.State.Registration is not null && state.State.LastPollAt is not null)
        {
            // A graceful stop or a migration keeps the polls' counters since the last write, and marks
            // the stop clean so the next activation keeps the host's cadence instead of failing over.
            state.State.StoppedAt = time.GetUtcNow();
            await WriteStateAsync();
        }
    }

    public async Task StartAsync(HostRegistration registration)
    {
        if (registration.Name != Name)
        {
            throw new ArgumentException($"Registration for '{registration.Name}' sent to host grain '{Name}'.", nameof(registration));
        }

        var current = state.State.Registration;
        if (!registration.IsEquivalentTo(current))
        {
            if (current is not null && current.Url != registration.Url)
            {
                // Another server: its loaded set is no baseline for the new one.
                state.State.LoadedRunners = null;
                health = new HealthTransitions();
            }

            state.State.Registration = registration;
            await WriteStateAsync();
            if (snapshot is not null)
            {
                snapshot = snapshot with { Registration = registration };
                registry.Publish(snapshot);
            }
        }

        StartTimer();
        await MoveToOllamaNodeAsync(registration.Url);
    }

    public async Task DecommissionAsync()
    {
        timer?.Dispose();
        timer = null;
        registry.Remove(Name);
        snapshot = null;
        var known = state.State.KnownModels.Union(models.Known.Keys).ToList();
        await Task.WhenAll(known.Select(m => GrainFactory.GetGrain<IOllamaModelGrain>(ModelKey.For(Name, m)).RetireAsync()));
        await state.ClearStateAsync();
        LogDecommissioned(logger, Name);
        this.DeactivateOnIdle();
    }

    public Task<HostSnapshot?> GetSnapshotAsync() => Task.FromResult(snapshot);

    public async Task<HostSnapshot> PollNowAsync()
    {
        if (state.State.Registration is null)
        {
            throw new InvalidOperationException($"Host '{Name}' is not registered.");
        }

        await PollAsync(CancellationToken.None);
        return snapshot!;
    }

    public Task<ProbeLease?> TryStartProbeAsync(string canonicalModel)
    {
        var registration = state.State.Registration;
        if (registration is null || snapshot is not { Up: true } || !models.Known.TryGetValue(canonicalModel, out var model))
        {
            return Task.FromResult<ProbeLease?>(null);
        }

        var lease = probeOptions.Value.Timeout + options.Value.Timeout + TimeSpan.FromSeconds(10);
        return Task.FromResult(probeGate.TryEnter(canonicalModel, time.GetUtcNow(), lease)
            ? new ProbeLease(registration.Url, model.Name, model.Loaded is not null)
            : null);
    }

    public Task ReportTrafficAsync(string gateway, int inFlight)
    {
        var now = time.GetUtcNow();
        probeGate.ReportTraffic(gateway, inFlight, now);
        reportedTraffic.Report(Name, probeGate.TrafficInFlight(now) > 0, now + ProbeGate.ReportLifetime);
        return Task.CompletedTask;
    }

    public Task EndProbeAsync(string canonicalModel)
    {
        probeGate.Exit(canonicalModel);
        return Task.CompletedTask;
    }

    public Task ModelChangedAsync(string canonicalModel, ModelSnapshot changed)
    {
        if (snapshot is not null && models.Known.ContainsKey(canonicalModel) && models.Keep(canonicalModel, changed))
        {
            snapshot = snapshot with { Models = [.. models.Known.Values.OrderBy(m => m.Name, StringComparer.Ordinal)] };
            registry.Publish(snapshot);
        }

        return Task.CompletedTask;
    }

    public async Task<HostStatistics> GetStatisticsAsync(StatisticsWindow window, string? source)
    {
        var tracked = models.Known.ToList();
        var summaries = await Task.WhenAll(tracked.Select(m => GrainFactory.GetGrain<IOllamaModelGrain>(ModelKey.For(Name, m.Key)).GetWindowAsync(window, source)));
        var perModel = tracked.Zip(summaries, (m, s) => new ModelStatistics(Name, m.Value.Name, s)).ToImmutableArray();
        var total = perModel.Aggregate(new SummaryAccumulator(window), (sum, m) => sum.Add(m.Summary)).ToSummary();
        return new HostStatistics(Name, total, perModel);
    }

    private void StartTimer()
    {
        if (timer is not null)
        {
            return;
        }

        var polling = options.Value;
        var fraction = polling.RandomizeStart ? Random.Shared.NextDouble() : 1.0;
        var due = PollSchedule.FirstDelay(state.State.LastPollAt, time.GetUtcNow(), polling, fraction, stoppedCleanly);
        timer = this.RegisterGrainTimer(PollFromTimerAsync, new GrainTimerCreationOptions
        {
            DueTime = due,
            Period = polling.Interval,
            KeepAlive = true,
            Interleave = false,
        });
    }

    private async Task PollFromTimerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PollAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The activation is going away; the next activation polls again.
        }
        catch (Exception e)
        {
            LogPollCrashed(logger, e, Name);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var registration = state.State.Registration!;
        var polling = options.Value;
        var baseUri = BaseUri(registration.Url);
        var versionCall = client.GetVersionAsync(baseUri, polling.Timeout, cancellationToken);
        var psCall = client.GetPsAsync(baseUri, polling.Timeout, cancellationToken);
        await Task.WhenAll(versionCall, psCall);
        var (version, ps) = (versionCall.Result, psCall.Result);
        var healthy = version.Succeeded && ps.Succeeded;
        var diff = ps.Succeeded ? LoadedModelsDiff.Compute(state.State.LoadedRunners, ps.Value!.Items) : null;
        var versionChanged = version.Succeeded && version.Value != state.State.Version;
        var loadedChanged = diff is { Loads.Count: > 0 } or { Unloads.Count: > 0 };
        var tags = tagsSchedule.Due(healthy, versionChanged, loadedChanged, ps.Value?.Items, models.Known)
            ? await client.GetTagsAsync(baseUri, polling.Timeout, cancellationToken)
            : null;

        var now = time.GetUtcNow();
        tagsSchedule.Completed(healthy, tags?.Succeeded);
        state.State.LastPollAt = now;
        state.State.CountersFor(PollEndpoints.Version).Record(version.Elapsed, version.Failure);
        state.State.CountersFor(PollEndpoints.Ps).Record(ps.Elapsed, ps.Failure);
        if (tags is not null)
        {
            state.State.CountersFor(PollEndpoints.Tags).Record(tags.Elapsed, tags.Failure);
        }

        if (version.Succeeded)
        {
            state.State.Version = version.Value;
            state.State.LastSuccessAt = now;
        }

        if (diff is not null)
        {
            state.State.LoadedRunners = new Dictionary<string, LoadedRunner>(diff.Current, StringComparer.Ordinal);
        }

        // A listing not read this poll counts as one that failed: the planner keeps what was known.
        var plan = ObservationPlanner.Plan(tags?.Value, ps.Value, diff, models.Known, polling.MaxModelsPerHost);
        await models.DeliverAsync(plan, canonical => GrainFactory.GetGrain<IOllamaModelGrain>(ModelKey.For(Name, canonical)), e => LogModelCallFailed(logger, e, Name));
        state.State.KnownModels = [.. models.Known.Keys.Order(StringComparer.Ordinal)];

        // Stored before exported: the snapshot carries the poll counters of the last write, so an
        // activation that takes over after a crash starts from counters no lower than any scrape has seen.
        if (checkpoint.Due(state.State, now))
        {
            await WriteStateAsync();
        }

        var failure = version.Failure ?? tags?.Failure ?? ps.Failure;
        snapshot = HostSnapshotFactory.Create(state.State, version.Succeeded, now, models.Known.Values, plan.Dropped, failure?.Message, checkpoint.Endpoints);
        registry.Publish(snapshot);
        ReportTransition(snapshot, failure, now);
    }

    private void ReportTransition(HostSnapshot current, PollFailure? failure, DateTimeOffset now)
    {
        var url = current.Registration.Url;
        switch (health.Observe(current.Up, now))
        {
            case HealthChange.FirstUp:
                LogFirstUp(logger, Name, url, current.Version ?? "unknown", current.ModelsAvailable, current.ModelsLoaded);
                break;
            case HealthChange.FirstDown:
                LogFirstDown(logger, Name, url, failure?.Message ?? "no answer", options.Value.Interval);
                break;
            case HealthChange.WentDown:
                LogWentDown(logger, Name, url, failure?.Message ?? "no answer");
                break;
            case HealthChange.CameBack:
                LogCameBack(logger, Name, url, current.Version ?? "unknown", health.LastDowntime);
                break;
        }
    }

    private async Task WriteStateAsync()
    {
        if (await Writer.WriteAsync())
        {
            checkpoint.Stored(state.State, time.GetUtcNow());
        }
    }

    private static Uri BaseUri(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}
