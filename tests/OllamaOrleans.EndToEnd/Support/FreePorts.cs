using System.Net;
using System.Net.Sockets;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>Loopback ports free right now, so tests never collide with each other or with a running monitor.</summary>
public static class FreePorts
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];

    public static int One() => Range(1);

    /// <summary>The first of <paramref name="count"/> consecutive free ports.</summary>
    public static int Range(int count)
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var first = Random.Shared.Next(20_000, 60_000 - count);
                var candidates = Enumerable.Range(first, count).ToList();
                if (candidates.All(p => !Handed.Contains(p) && IsFree(p)))
                {
                    Handed.UnionWith(candidates);
                    return first;
                }
            }

            throw new InvalidOperationException($"No {count} consecutive free ports found.");
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
