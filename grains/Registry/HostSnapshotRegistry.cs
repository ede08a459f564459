using System.Collections.Concurrent;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Registry;

/// <summary>
/// Thread-safe, silo-local. The ordered view is cached per change version, so scrapes that come
/// faster than polls cost no sorting, and a view built while a publish ran is never served after it.
/// </summary>
public sealed class HostSnapshotRegistry : IHostSnapshotRegistry
{
    private readonly ConcurrentDictionary<string, HostSnapshot> snapshots = new(StringComparer.Ordinal);
    private long version;
    private OrderedView? cache;

    public int Count => snapshots.Count;

    public IReadOnlyList<HostSnapshot> Snapshots
    {
        get
        {
            var current = Interlocked.Read(ref version);
            var cached = Volatile.Read(ref cache);
            if (cached is not null && cached.Version == current)
            {
                return cached.Items;
            }

            var built = new OrderedView(current, [.. snapshots.Values.OrderBy(s => s.Name, StringComparer.Ordinal)]);
            Volatile.Write(ref cache, built);
            return built.Items;
        }
    }

    public void Publish(HostSnapshot snapshot)
    {
        snapshots[snapshot.Name] = snapshot;
        Interlocked.Increment(ref version);
    }

    public void Remove(string hostName)
    {
        if (snapshots.TryRemove(hostName, out _))
        {
            Interlocked.Increment(ref version);
        }
    }

    private sealed record OrderedView(long Version, IReadOnlyList<HostSnapshot> Items);
}
