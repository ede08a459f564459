using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Fleet;

/// <summary>
/// Computes how the registry follows the configuration: configured hosts are added or updated
/// (configuration wins over an API registration of the same name), hosts that came from configuration
/// and are no longer configured are removed, API registrations are left alone.
/// </summary>
public static class RegistryReconciler
{
    public static (IReadOnlyDictionary<string, HostRegistration> Next, FleetChange Change) Reconcile(
        IReadOnlyDictionary<string, HostRegistration> current,
        IReadOnlyList<HostRegistration> configured)
    {
        var next = new Dictionary<string, HostRegistration>(current, StringComparer.Ordinal);
        var added = new List<string>();
        var updated = new List<string>();
        var removed = new List<string>();
        var configuredNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var registration in configured)
        {
            var wanted = registration with { Source = HostSource.Configuration };
            if (!configuredNames.Add(wanted.Name))
            {
                throw new ArgumentException($"Host '{wanted.Name}' is configured twice.", nameof(configured));
            }

            if (!current.TryGetValue(wanted.Name, out var existing))
            {
                added.Add(wanted.Name);
                next[wanted.Name] = wanted;
            }
            else if (!existing.IsEquivalentTo(wanted))
            {
                updated.Add(wanted.Name);
                next[wanted.Name] = wanted;
            }
        }

        foreach (var (name, registration) in current)
        {
            if (registration.Source == HostSource.Configuration && !configuredNames.Contains(name))
            {
                removed.Add(name);
                next.Remove(name);
            }
        }

        return (next, new FleetChange(added, updated, removed));
    }
}
