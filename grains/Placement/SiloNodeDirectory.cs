using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// Reads other silos' node identities from Orleans silo metadata (<c>UseSiloMetadata</c>, fetched
/// once per silo as it joins). A silo whose metadata is not known yet, or a cluster without silo
/// metadata at all, simply matches no node: its grains are placed normally.
/// </summary>
public sealed class SiloNodeDirectory(
    IServiceProvider services,
    ILocalSiloDetails local,
    IClusterMembershipService membership,
    NodeIdentity self,
    HostAddressCache dns) : INodeDirectory
{
    private readonly ISiloMetadataCache? metadata = services.GetService<ISiloMetadataCache>();
    private readonly ConcurrentDictionary<SiloAddress, NodeIdentity> identities = new();

    public NodeIdentity Self => self;

    public async ValueTask<bool> IsLocalAsync(string url)
    {
        var host = Host(url);
        return host is not null && self.Serves(host, await dns.ResolveAsync(host));
    }

    public async ValueTask<IReadOnlyList<SiloAddress>> SilosServingAsync(string url, IReadOnlyList<SiloAddress> candidates)
    {
        var host = Host(url);
        if (host is null)
        {
            return [];
        }

        var resolved = await dns.ResolveAsync(host);
        return [.. candidates.Where(silo => IdentityOf(silo).Serves(host, resolved))];
    }

    public async ValueTask<SiloAddress?> BetterSiloAsync(string url)
    {
        if (await IsLocalAsync(url))
        {
            return null;
        }

        var active = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(local.SiloAddress))
            .Select(m => m.SiloAddress)
            .ToList();
        var serving = await SilosServingAsync(url, active);
        return serving.Count > 0 ? serving[0] : null;
    }

    private NodeIdentity IdentityOf(SiloAddress silo)
    {
        if (silo.Equals(local.SiloAddress))
        {
            return self;
        }

        if (identities.TryGetValue(silo, out var known))
        {
            return known;
        }

        var published = metadata?.GetSiloMetadata(silo).Metadata;
        if (published is null || published.Count == 0)
        {
            // Not fetched yet: ask again next time rather than remembering "unknown".
            return NodeIdentity.Unknown;
        }

        var identity = NodeIdentity.FromMetadata(published);
        identities[silo] = identity;
        return identity;
    }

    private static string? Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.DnsSafeHost : null;
}
