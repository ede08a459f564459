using System.Net;
using System.Net.Sockets;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// A DNS stand-in: names in the table resolve to their addresses, any <c>*.loop.test</c> to loopback,
/// every other name fails as an unknown one does.
/// </summary>
public sealed class TableResolver(IReadOnlyDictionary<string, IPAddress[]> table) : ITargetResolver
{
    public static TableResolver Standard { get; } = new(new Dictionary<string, IPAddress[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["localhost"] = [IPAddress.Loopback],
        ["ollama.test"] = [IPAddress.Loopback],
        ["gpu.corp.test"] = [IPAddress.Parse("10.1.2.3")],
        ["rebind.test"] = [IPAddress.Parse("169.254.169.254")],
        ["link.test"] = [IPAddress.Parse("169.254.10.20")],
        ["mixed.test"] = [IPAddress.Parse("10.1.2.4"), IPAddress.Parse("fe80::1")],
        ["metadata6.test"] = [IPAddress.Parse("fd00:ec2::254")],
    });

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (table.TryGetValue(host, out var addresses))
        {
            return Task.FromResult(addresses);
        }

        return host.EndsWith(".loop.test", StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult<IPAddress[]>([IPAddress.Loopback])
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
