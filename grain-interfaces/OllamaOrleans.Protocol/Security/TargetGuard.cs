using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace OllamaOrleans.Protocol.Security;

/// <summary>
/// Applies the <see cref="TargetPolicy"/> twice: when a host is registered or probed (names resolved
/// before deciding, so the caller hears why), and on every connection the monitor opens
/// (<see cref="ConnectAsync"/> as the HTTP handler's connect callback), so a name that later resolves
/// elsewhere (DNS rebinding) still cannot reach a refused address.
/// </summary>
public sealed class TargetGuard(TargetPolicy policy, ITargetResolver resolver)
{
    public TargetPolicy Policy => policy;

    /// <summary>Null when the URL's host may be reached; else why not.</summary>
    public async Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = url.DnsSafeHost;
        try
        {
            var (_, reason) = await ResolveAsync(host, cancellationToken);
            return reason;
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            return $"'{host}' does not resolve ({e.Message})";
        }
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to allowed addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (addresses, reason) = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        if (reason is not null)
        {
            throw new TargetRefusedException($"refused by the address guard: {reason}");
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private async Task<(IPAddress[] Addresses, string? Reason)> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.TrimStart('[').TrimEnd(']');
        if (IPAddress.TryParse(bare, out var literal))
        {
            return ([literal], policy.Check(bare, [literal]));
        }

        if (policy.DecideByName(bare) == false)
        {
            return ([], policy.Check(bare, []));
        }

        var addresses = await resolver.ResolveAsync(bare, cancellationToken);
        return (addresses, policy.Check(bare, addresses));
    }
}
