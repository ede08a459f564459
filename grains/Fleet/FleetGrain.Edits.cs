using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Fleet;

/// <summary>
/// The registry edits of the management API and <c>/probe</c>. <see cref="RegistryEditor"/> decides;
/// this persists and starts or decommissions host grains. The grain handles one call at a time, so
/// a limit check and the write it guards cannot interleave with another edit.
/// </summary>
public sealed partial class FleetGrain
{
    public async Task<RegistryResult> CreateAsync(HostRegistration registration)
    {
        var result = RegistryEditor.Create(state.State.Hosts, registration, options.Value);
        await ApplyAsync(result);
        return result;
    }

    public async Task<RegistryResult> UpdateAsync(HostRegistration registration)
    {
        var result = RegistryEditor.Update(state.State.Hosts, registration);
        await ApplyAsync(result);
        return result;
    }

    public async Task<RegistryResult> DeleteAsync(string hostName)
    {
        var result = RegistryEditor.Delete(state.State.Hosts, hostName);
        await ApplyAsync(result);
        return result;
    }

    public async Task<RegistryResult> ResolveTargetAsync(string url, string transientName, bool mayRegister)
    {
        var result = RegistryEditor.ResolveTarget(state.State.Hosts, url, transientName, mayRegister, options.Value);
        await ApplyAsync(result);
        if (result.Host is { Source: HostSource.Transient } probed && result.Succeeded)
        {
            lastProbed[probed.Name] = time.GetUtcNow();
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> ExpireTransientHostsAsync()
    {
        var expired = RegistryEditor.Expired(state.State.Hosts, lastProbed, time.GetUtcNow(), options.Value.TransientExpiry);
        foreach (var name in expired)
        {
            var result = RegistryEditor.Delete(state.State.Hosts, name);
            await ApplyAsync(result);
            LogTransientExpired(logger, name, options.Value.TransientExpiry);
        }

        return expired;
    }

    private async Task ApplyAsync(RegistryResult result)
    {
        switch (result.Outcome)
        {
            case RegistryOutcome.Created or RegistryOutcome.Updated:
                var host = result.Host!;
                state.State.Hosts[host.Name] = host;
                await SaveAsync();
                await StartHostAsync(host);
                LogEdited(logger, host.Name, result.Outcome, host.Url, host.Source);
                break;
            case RegistryOutcome.Removed:
                var name = result.Host!.Name;
                state.State.Hosts.Remove(name);
                lastProbed.Remove(name);
                await SaveAsync();
                await Host(name).DecommissionAsync();
                LogEdited(logger, name, result.Outcome, result.Host.Url, result.Host.Source);
                break;
        }
    }
}
