using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;

namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// What a node (a machine running a silo) is called and which addresses it has: the silo publishes
/// it as silo metadata, and a host whose URL names one of them runs on that node.
/// </summary>
public sealed record NodeIdentity(ImmutableArray<string> Names, ImmutableArray<IPAddress> Addresses)
{
    public const string NamesKey = "ollama-orleans.node.names";
    public const string AddressesKey = "ollama-orleans.node.addresses";

    public static NodeIdentity Unknown { get; } = new([], []);

    public bool IsKnown => Names.Length > 0 || Addresses.Length > 0;

    /// <summary>
    /// Whether a URL host (name or address literal, as <see cref="Uri.DnsSafeHost"/> gives it) is
    /// this node. Loopback is every node: a monitor polling <c>localhost</c> polls its own node.
    /// <paramref name="resolved"/> are the host's DNS addresses, when it is a name.
    /// </summary>
    public bool Serves(string host, IReadOnlyList<IPAddress> resolved)
    {
        if (IsLoopback(host))
        {
            return true;
        }

        if (IPAddress.TryParse(host, out var literal))
        {
            return Has(literal);
        }

        return Names.Contains(host, StringComparer.OrdinalIgnoreCase) || resolved.Any(Has);
    }

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(Normalize(address)));

    public Dictionary<string, string> ToMetadata() => new(StringComparer.Ordinal)
    {
        [NamesKey] = string.Join(',', Names),
        [AddressesKey] = string.Join(',', Addresses),
    };

    public static NodeIdentity FromMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        var names = metadata.TryGetValue(NamesKey, out var n) ? Split(n) : [];
        var addresses = metadata.TryGetValue(AddressesKey, out var a)
            ? Split(a).Select(s => IPAddress.TryParse(s, out var ip) ? ip : null).OfType<IPAddress>()
            : [];
        return Create(names, addresses);
    }

    /// <summary>Names lower-cased, addresses unwrapped from IPv4-mapped IPv6, both without duplicates.</summary>
    public static NodeIdentity Create(IEnumerable<string> names, IEnumerable<IPAddress> addresses) => new(
        [.. names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        [.. addresses.Select(Normalize).Distinct().OrderBy(a => a.ToString(), StringComparer.Ordinal)]);

    private bool Has(IPAddress address)
    {
        var normalized = Normalize(address);
        return Addresses.Contains(normalized);
    }

    private static IPAddress Normalize(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IEnumerable<string> Split(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
