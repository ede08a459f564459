using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// DNS addresses of the host names in Ollama URLs, cached so that placement decisions and the
/// resource collector do not resolve on every call. Failures are cached too, for less time.
/// </summary>
public sealed class HostAddressCache(TimeProvider time, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.OrdinalIgnoreCase);

    public HostAddressCache(TimeProvider time)
        : this(time, Dns.GetHostAddressesAsync)
    {
    }

    /// <summary>The addresses of a host name; none for address literals, loopback names and names that do not resolve.</summary>
    public async ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host)
    {
        if (IPAddress.TryParse(host, out _) || NodeIdentity.IsLoopback(host))
        {
            return [];
        }

        var now = time.GetUtcNow();
        if (entries.TryGetValue(host, out var cached) && cached.Until > now)
        {
            return cached.Addresses;
        }

        Entry entry;
        try
        {
            using var timeout = new CancellationTokenSource(Timeout, time);
            entry = new Entry(await resolve(host, timeout.Token), now + Lifetime);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException)
        {
            entry = new Entry([], now + FailureLifetime);
        }

        entries[host] = entry;
        return entry.Addresses;
    }

    private sealed record Entry(IReadOnlyList<IPAddress> Addresses, DateTimeOffset Until);
}
