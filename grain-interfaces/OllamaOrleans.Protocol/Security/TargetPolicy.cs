using System.Collections.Frozen;
using System.Net;
using System.Net.Sockets;

namespace OllamaOrleans.Protocol.Security;

/// <summary>
/// Which addresses the monitor may reach for a host (the guard against server-side request forgery).
/// By default everything but link-local, cloud metadata, unspecified and multicast addresses: Ollama
/// runs on loopback and private networks, so those stay open. An allow-list
/// (<c>Security:AllowedNetworks</c>, <c>Security:AllowedHosts</c>) narrows it to what it lists; a
/// metadata address is reachable only when listed exactly, so allowing 169.254.0.0/16 for a
/// link-local Ollama does not open 169.254.169.254.
/// </summary>
public sealed class TargetPolicy
{
    public const string NetworksSetting = "Security:AllowedNetworks";
    public const string HostsSetting = "Security:AllowedHosts";

    /// <summary>Cloud metadata services: AWS (IPv4, IPv6, ECS), GCP, Azure, OpenStack, Oracle, Alibaba.</summary>
    public static readonly FrozenSet<IPAddress> MetadataAddresses = new[]
    {
        "169.254.169.254", "169.254.170.2", "169.254.169.123", "fd00:ec2::254", "100.100.100.200", "168.63.129.16", "192.0.0.192",
    }.Select(IPAddress.Parse).ToFrozenSet();

    public static readonly FrozenSet<string> MetadataNames = new[]
    {
        "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal", "metadata.azure.internal",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly IPNetwork LinkLocalV4 = IPNetwork.Parse("169.254.0.0/16");
    private static readonly IPNetwork LinkLocalV6 = IPNetwork.Parse("fe80::/10");

    private readonly IReadOnlyList<IPNetwork> networks;
    private readonly FrozenSet<string> hosts;

    public TargetPolicy(IEnumerable<IPNetwork> allowedNetworks, IEnumerable<string> allowedHosts)
    {
        networks = [.. allowedNetworks];
        hosts = allowedHosts.Select(Normalize).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public static TargetPolicy Default { get; } = new([], []);

    public bool HasAllowList => networks.Count > 0 || hosts.Count > 0;

    /// <summary>What a name alone decides: allowed (listed), refused (a metadata name), or null (resolve it).</summary>
    public bool? DecideByName(string host)
    {
        var name = Normalize(host);
        if (hosts.Contains(name))
        {
            return true;
        }

        return MetadataNames.Contains(name) ? false : null;
    }

    /// <summary>Null when <paramref name="host"/>, resolving to <paramref name="addresses"/>, may be reached; else why not.</summary>
    public string? Check(string host, IReadOnlyList<IPAddress> addresses)
    {
        switch (DecideByName(host))
        {
            case true:
                return null;
            case false:
                return $"'{Normalize(host)}' is a cloud metadata service; list it in {HostsSetting} to allow it";
        }

        if (addresses.Count == 0)
        {
            return $"'{host}' resolves to no address";
        }

        foreach (var raw in addresses)
        {
            if (CheckAddress(raw.IsIPv4MappedToIPv6 ? raw.MapToIPv4() : raw) is { } reason)
            {
                return addresses.Count == 1 && IPAddress.TryParse(host, out _) ? reason : $"'{host}' resolves to {reason}";
            }
        }

        return null;
    }

    private string? CheckAddress(IPAddress address)
    {
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast) || IsMulticast(address))
        {
            return $"{address}, an unspecified, broadcast or multicast address";
        }

        if (MetadataAddresses.Contains(address))
        {
            var exact = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            return networks.Any(n => n.PrefixLength == exact && n.Contains(address))
                ? null
                : $"{address}, a cloud metadata address; list {address}/{exact} in {NetworksSetting} to allow it";
        }

        var listed = networks.Any(n => n.Contains(address));
        if (HasAllowList)
        {
            return listed ? null : $"{address}, outside {NetworksSetting} and {HostsSetting}";
        }

        return !listed && (LinkLocalV4.Contains(address) || LinkLocalV6.Contains(address))
            ? $"{address}, a link-local address; list its network in {NetworksSetting} to allow it"
            : null;
    }

    private static bool IsMulticast(IPAddress address) =>
        address.IsIPv6Multicast || (address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes()[0] is >= 224 and <= 239);

    private static string Normalize(string host) => host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();
}
