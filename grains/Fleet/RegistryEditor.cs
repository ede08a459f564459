using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Fleet;

/// <summary>
/// Decides the registry edits the API and <c>/probe</c> ask for, without doing them: names are
/// unique, configuration owns its hosts, the limits hold. Pure, so every rule has a plain test.
/// </summary>
public static class RegistryEditor
{
    public static RegistryResult Create(IReadOnlyDictionary<string, HostRegistration> hosts, HostRegistration wanted, FleetOptions limits)
    {
        if (hosts.TryGetValue(wanted.Name, out var existing))
        {
            return new RegistryResult(RegistryOutcome.NameTaken, existing);
        }

        return hosts.Count >= limits.MaxHosts
            ? new RegistryResult(RegistryOutcome.LimitReached, null)
            : new RegistryResult(RegistryOutcome.Created, wanted with { Source = HostSource.Api });
    }

    /// <summary>A transient host updated through the API becomes the API's: it no longer expires.</summary>
    public static RegistryResult Update(IReadOnlyDictionary<string, HostRegistration> hosts, HostRegistration wanted)
    {
        if (!hosts.TryGetValue(wanted.Name, out var existing))
        {
            return new RegistryResult(RegistryOutcome.NotFound, null);
        }

        if (existing.Source == HostSource.Configuration)
        {
            return new RegistryResult(RegistryOutcome.Configured, existing);
        }

        var next = wanted with { Source = HostSource.Api };
        return next.IsEquivalentTo(existing)
            ? new RegistryResult(RegistryOutcome.Unchanged, existing)
            : new RegistryResult(RegistryOutcome.Updated, next);
    }

    public static RegistryResult Delete(IReadOnlyDictionary<string, HostRegistration> hosts, string name)
    {
        if (!hosts.TryGetValue(name, out var existing))
        {
            return new RegistryResult(RegistryOutcome.NotFound, null);
        }

        return existing.Source == HostSource.Configuration
            ? new RegistryResult(RegistryOutcome.Configured, existing)
            : new RegistryResult(RegistryOutcome.Removed, existing);
    }

    public static RegistryResult ResolveTarget(IReadOnlyDictionary<string, HostRegistration> hosts, string url, string transientName, bool mayRegister, FleetOptions limits)
    {
        var match = hosts.Values.Where(h => h.Url == url).OrderBy(h => h.Name, StringComparer.Ordinal).FirstOrDefault();
        if (match is not null)
        {
            return new RegistryResult(RegistryOutcome.Found, match);
        }

        if (!mayRegister)
        {
            return new RegistryResult(RegistryOutcome.NotRegistered, null);
        }

        if (hosts.TryGetValue(transientName, out var other))
        {
            return new RegistryResult(RegistryOutcome.NameTaken, other);
        }

        if (hosts.Count >= limits.MaxHosts || hosts.Values.Count(h => h.Source == HostSource.Transient) >= limits.MaxTransientHosts)
        {
            return new RegistryResult(RegistryOutcome.LimitReached, null);
        }

        return new RegistryResult(RegistryOutcome.Created, new HostRegistration(transientName, url, ImmutableSortedDictionary<string, string>.Empty, HostSource.Transient));
    }

    /// <summary>Transient hosts last probed before <paramref name="now"/> minus the expiry (never probed: never expired here).</summary>
    public static IReadOnlyList<string> Expired(
        IReadOnlyDictionary<string, HostRegistration> hosts,
        IReadOnlyDictionary<string, DateTimeOffset> lastProbed,
        DateTimeOffset now,
        TimeSpan expiry) =>
        [.. hosts.Values
            .Where(h => h.Source == HostSource.Transient && lastProbed.TryGetValue(h.Name, out var at) && now - at >= expiry)
            .Select(h => h.Name)
            .Order(StringComparer.Ordinal)];
}
