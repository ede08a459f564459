using System.Net;
using System.Net.NetworkInformation;

namespace OllamaOrleans.Grains.Placement;

/// <summary>This machine's identity: its host name and the unicast addresses of its interfaces, plus configured aliases.</summary>
public static class NodeIdentityDetector
{
    /// <param name="aliases">Names or addresses the node is also known by (a DNS alias, a NAT address).</param>
    public static NodeIdentity Detect(IEnumerable<string> aliases)
    {
        var names = new List<string> { Environment.MachineName };
        var addresses = new List<IPAddress>();
        foreach (var alias in aliases)
        {
            if (IPAddress.TryParse(alias, out var address))
            {
                addresses.Add(address);
            }
            else
            {
                names.Add(alias);
            }
        }

        addresses.AddRange(InterfaceAddresses());
        return NodeIdentity.Create(names, addresses);
    }

    private static IEnumerable<IPAddress> InterfaceAddresses()
    {
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            return [];
        }

        // Loopback matches every node anyway; link-local addresses need a scope and never appear in URLs.
        return interfaces
            .Where(i => i.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .ToList();
    }
}
