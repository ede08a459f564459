using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Tests.Support;

public static class TestHosts
{
    private static int counter;

    /// <summary>A host name no other test in the shared cluster uses.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Interlocked.Increment(ref counter)}";

    public static HostRegistration Registration(string name, Uri url, HostSource source = HostSource.Api) =>
        new(name, url.AbsoluteUri, ImmutableSortedDictionary<string, string>.Empty, source);

    /// <summary>A loopback port nothing listens on: connecting to it is refused.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
