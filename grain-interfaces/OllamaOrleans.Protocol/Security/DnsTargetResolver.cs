using System.Net;

namespace OllamaOrleans.Protocol.Security;

public sealed class DnsTargetResolver : ITargetResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
