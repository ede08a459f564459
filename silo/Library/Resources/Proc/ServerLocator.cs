using System.Net;

namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary>
/// Finds the process that serves an Ollama URL: the one holding the socket that listens on the URL's
/// port (never a process name: a simulator serving the port is the server, a stray process named
/// "ollama" is not), or the PID in a configured PID file.
/// </summary>
public sealed class ServerLocator(ProcFs proc)
{
    /// <param name="addresses">The URL host's addresses (empty for a name that did not resolve: any listener on the port will do).</param>
    public int? ByPort(int port, bool loopback, IReadOnlyList<IPAddress> addresses, IReadOnlyDictionary<int, ProcStat> table) =>
        Owner(ListeningInodes(proc.Listening(), port, loopback, addresses), table);

    /// <summary>
    /// The inodes of the sockets listening on <paramref name="port"/> at the URL's addresses (a
    /// wildcard address included), or of any socket on the port when none listens there. Cheap: no
    /// process is looked at.
    /// </summary>
    public static HashSet<long> ListeningInodes(IEnumerable<ListeningSocket> sockets, int port, bool loopback, IReadOnlyList<IPAddress> addresses)
    {
        var onPort = sockets.Where(s => s.Port == port && s.Inode != 0).ToList();
        var matching = onPort.Where(s => s.IsWildcard || addresses.Contains(s.Address) || (loopback && IPAddress.IsLoopback(s.Address))).ToList();
        return (matching.Count > 0 ? matching : onPort).Select(s => s.Inode).ToHashSet();
    }

    /// <summary>The process holding one of the sockets, found through every process's <c>fd</c> links (costly).</summary>
    public int? Owner(IReadOnlySet<long> inodes, IReadOnlyDictionary<int, ProcStat> table)
    {
        if (inodes.Count == 0)
        {
            return null;
        }

        // A forked child can inherit the listening socket; the server is the one whose parent does not hold it.
        var owners = proc.SocketOwners(inodes);
        var roots = ProcessTree.Roots(owners, table);
        return roots.Count > 0 ? roots[0] : owners.Count > 0 ? owners.Min() : null;
    }

    public static int? ByPidFile(string path) => ProcFs.ReadPidList(path) is [var pid, ..] ? pid : null;
}
