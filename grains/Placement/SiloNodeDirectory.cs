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
    IClusterManifestProvider manifests,
    NodeIdentity self,
    SiloDraining draining,
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

    public async ValueTask<SiloAddress?> BetterSiloAsync(string url, GrainId grain)
    {
        var snapshot = membership.CurrentSnapshot;
        if (draining.IsDraining || snapshot.GetSiloStatus(local.SiloAddress) != SiloStatus.Active)
        {
            return null;
        }

        // The silos placement would consider: active, and whose grain manifest this silo has already
        // fetched (a silo that has just joined is a candidate a moment later, at the next check).
        var known = manifests.Current.Silos;
        var candidates = snapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && known.ContainsKey(m.SiloAddress))
            .Select(m => m.SiloAddress)
            .ToList();
        var home = await HostHome.ChooseAsync(this, url, grain, candidates);
        return home is null || home.Equals(local.SiloAddress) ? null : home;
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
