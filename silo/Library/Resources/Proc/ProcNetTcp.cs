using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary>
/// Parses <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>. Addresses are printed as 32-bit words in
/// the kernel's byte order (<c>0100007F:2CAA</c> is 127.0.0.1:11434 on little-endian machines), so
/// each word is turned back into its bytes in this machine's order; the port is in host order.
/// </summary>
public static class ProcNetTcp
{
    private const string ListenState = "0A";

    public static List<ListeningSocket> ParseListening(string text)
    {
        var sockets = new List<ListeningSocket>();
        foreach (var span in text.AsSpan().EnumerateLines())
        {
            // Most lines of a busy node are connections: skip them before splitting (no allocation).
            if (!IsListenLine(span))
            {
                continue;
            }

            var fields = span.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...; the header has no "N:" first field.
            if (fields.Length < 10 || !fields[0].EndsWith(':') || fields[3] != ListenState)
            {
                continue;
            }

            var colon = fields[1].IndexOf(':', StringComparison.Ordinal);
            if (colon < 0
                || ParseAddress(fields[1].AsSpan(0, colon)) is not { } address
                || !int.TryParse(fields[1].AsSpan(colon + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var port)
                || !long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
            {
                continue;
            }

            sockets.Add(new ListeningSocket(address, port, inode));
        }

        return sockets;
    }

    /// <summary>Whether the fourth space-separated field (the state) is LISTEN.</summary>
    private static bool IsListenLine(ReadOnlySpan<char> line)
    {
        for (var field = 0; field < 3; field++)
        {
            line = line.TrimStart(' ');
            var end = line.IndexOf(' ');
            if (end < 0)
            {
                return false;
            }

            line = line[end..];
        }

        line = line.TrimStart(' ');
        return line.StartsWith(ListenState, StringComparison.Ordinal) && (line.Length == 2 || line[2] == ' ');
    }

    private static IPAddress? ParseAddress(ReadOnlySpan<char> hex)
    {
        if (hex.Length is not (8 or 32))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            if (!uint.TryParse(hex.Slice(word * 8, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            if (BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(word * 4, 4), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes.Slice(word * 4, 4), value);
            }
        }

        var address = new IPAddress(bytes);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
