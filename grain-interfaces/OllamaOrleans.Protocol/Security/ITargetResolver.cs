using System.Net;

namespace OllamaOrleans.Protocol.Security;

/// <summary>Resolves a host name to addresses; DNS in production, a table in tests.</summary>
public interface ITargetResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
