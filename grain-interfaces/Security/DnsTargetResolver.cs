using System.Net;

namespace OllamaOrleans.GrainInterfaces;

public sealed class DnsTargetResolver : ITargetResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
