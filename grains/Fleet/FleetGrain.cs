using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Hosting;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Registry;

namespace OllamaOrleans.Grains.Fleet;

/// <summary>
/// The host registry. A reminder (the watchdog) re-activates every registered host grain each
/// minute, so hosts come back after a silo dies or the cluster restarts, and expires transient hosts;
/// the host grains' own KeepAlive timers do the sub-minute polling. The API's edits are in
/// <c>FleetGrain.Edits.cs</c>, the start passes in <c>FleetGrain.Starts.cs</c>.
/// </summary>
public sealed partial class FleetGrain(
    [PersistentState("fleet", StorageNames.Monitor)] IPersistentState<FleetState> state,
    IOptions<FleetOptions> options,
    TimeProvider time,
    IRegisteredHosts registered,
    ILogger<FleetGrain> logger)
    : Grain, IFleetGrain, IRemindable
{
    private const string WatchdogReminder = "host-watchdog";

    /// <summary>
    /// When each transient host was last probed. Memory only (a write per scrape would cost more than
    /// it is worth): after a restart every transient host gets a full expiry period again.
    /// </summary>
    private readonly Dictionary<string, DateTimeOffset> lastProbed = new(StringComparer.Ordinal);

    private PassCoalescer? passes;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var host in state.State.Hosts.Values.Where(h => h.Source == HostSource.Transient))
        {
            lastProbed[host.Name] = now;
        }

        PublishRegistry();
        await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (IsTheFleet)
        {
            registered.Clear();
        }

        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<FleetChange> SeedFromConfigurationAsync(IReadOnlyList<HostRegistration> configured)
    {
        var (next, change) = RegistryReconciler.Reconcile(state.State.Hosts, configured);
        if (!change.IsEmpty)
        {
            state.State.Hosts = new Dictionary<string, HostRegistration>(next, StringComparer.Ordinal);
            await SaveAsync();
            LogSeeded(logger, change.Added.Count, change.Updated.Count, change.Removed.Count, state.State.Hosts.Count);
        }

        await Task.WhenAll(change.Removed.Select(h => Host(h).DecommissionAsync()));
        return change;
    }

    public async Task<FleetChange> UpsertAsync(HostRegistration registration)
    {
        var existed = state.State.Hosts.TryGetValue(registration.Name, out var existing);
        if (existed && existing!.IsEquivalentTo(registration))
        {
            await StartHostAsync(registration);
            return FleetChange.None;
        }

        state.State.Hosts[registration.Name] = registration;
        await SaveAsync();
        await StartHostAsync(registration);
        return existed ? new FleetChange([], [registration.Name], []) : new FleetChange([registration.Name], [], []);
    }

    public async Task<bool> RemoveAsync(string hostName)
    {
        if (!state.State.Hosts.Remove(hostName))
        {
            return false;
        }

        await SaveAsync();
        await Host(hostName).DecommissionAsync();
        return true;
    }

    public Task<IReadOnlyList<HostRegistration>> GetHostsAsync() =>
        Task.FromResult<IReadOnlyList<HostRegistration>>([.. state.State.Hosts.Values.OrderBy(h => h.Name, StringComparer.Ordinal)]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == WatchdogReminder)
        {
            await ExpireTransientHostsAsync();

            // Not awaited: a pass over a big fleet outlasts a reminder call, and the grain stays
            // free for the API meanwhile; the pass logs its own summary.
            _ = EnsureHostsActiveAsync();
        }
    }

    /// <summary>The cluster's one registry (other keys exist only in tests).</summary>
    private bool IsTheFleet => this.GetPrimaryKeyString() == IFleetGrain.Key;

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        PublishRegistry();
    }

    /// <summary>Hands this silo's <c>/metrics</c> the registered hosts (not the transient ones).</summary>
    private void PublishRegistry()
    {
        if (IsTheFleet)
        {
            registered.Publish(state.State.Hosts.Values.Where(h => h.Source != HostSource.Transient).Select(h => h.Name));
        }
    }

    private IOllamaHostGrain Host(string name) => GrainFactory.GetGrain<IOllamaHostGrain>(name);

    /// <summary>
    /// Starts a host grain with its URL in the request context, so that a first activation is placed
    /// on the silo of the node its Ollama runs on. Async on purpose: the context change ends here.
    /// </summary>
    private async Task StartHostAsync(HostRegistration registration)
    {
        HostUrlContext.Set(registration.Url);
        await Host(registration.Name).StartAsync(registration);
    }
}
