using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// Loopback ports free right now, so tests never collide with each other or with a running monitor.
/// They are drawn outside the kernel's ephemeral range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>):
/// a port inside it that is free when handed out can be taken a moment later as the local end of
/// any outgoing connection (a silo's, Redis', Prometheus') before the process it was meant for binds it.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 10_000;
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];
    private static readonly (int First, int Last) Ephemeral = ReadEphemeralRange();

    public static int One() => Range(1);

    /// <summary>The first of <paramref name="count"/> consecutive free ports.</summary>
    public static int Range(int count)
    {
        lock (Gate)
        {
            var (low, high) = Ephemeral.First - Lowest >= 2_000 + count ? (Lowest, Ephemeral.First - count) : (Ephemeral.Last + 1, 65_536 - count);
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var first = Random.Shared.Next(low, high);
                var candidates = Enumerable.Range(first, count).ToList();
                if (candidates.All(p => !Handed.Contains(p) && IsFree(p)))
                {
                    Handed.UnionWith(candidates);
                    return first;
                }
            }

            throw new InvalidOperationException($"No {count} consecutive free ports found between {low} and {high}.");
        }
    }

    private static (int First, int Last) ReadEphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (32_768, 60_999);
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
