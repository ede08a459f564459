using System.Net;

namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary>A TCP socket in state LISTEN, from <c>/proc/net/tcp</c> or <c>tcp6</c>: where it listens and its socket inode.</summary>
public readonly record struct ListeningSocket(IPAddress Address, int Port, long Inode)
{
    public bool IsWildcard => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);
}
