using System.Net.Sockets;
using System.Threading.Channels;

namespace OllamaSimulator.Http;

/// <summary>
/// Reads a socket in the background, as Go's server does, so that a client that goes away is noticed
/// while its request is still being served (the request token fires) and not only at the next write.
/// </summary>
internal sealed class ConnectionInput : IDisposable
{
    private const int ReceiveBufferSize = 4096;

    // Bounded so a client that floods a slow handler is throttled by TCP rather than by our memory.
    private readonly Channel<byte[]> chunks = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource gone = new();
    private readonly Socket socket;
    private byte[] current = [];
    private int offset;

    public ConnectionInput(Socket socket) => this.socket = socket;

    /// <summary>Fires once the peer has closed or reset the connection.</summary>
    public CancellationToken ClientGone => gone.Token;

    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[ReceiveBufferSize];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                await chunks.Writer.WriteAsync(buffer.AsSpan(0, read).ToArray(), cancellationToken);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A reset or a local close ends the connection the same way a clean EOF does.
        }
        finally
        {
            chunks.Writer.TryComplete();
            try
            {
                gone.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The connection already finished with us.
            }
        }
    }

    /// <summary>Reads one CRLF- (or LF-) terminated line; null at a clean end of input before any byte.</summary>
    public async ValueTask<string?> ReadLineAsync(int maxBytes, int tooLongStatus, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (offset == current.Length && !await FillAsync(cancellationToken))
            {
                return line.Count == 0 ? null : throw new HttpProtocolException(400, "unexpected end of request");
            }

            var span = current.AsSpan(offset);
            var newline = span.IndexOf((byte)'\n');
            var take = newline < 0 ? span.Length : newline;
            if (line.Count + take > maxBytes)
            {
                throw new HttpProtocolException(tooLongStatus, "line too long");
            }

            line.AddRange(span[..take]);
            offset += newline < 0 ? take : take + 1;
            if (newline >= 0)
            {
                if (line.Count > 0 && line[^1] == '\r')
                {
                    line.RemoveAt(line.Count - 1);
                }

                // Header bytes are ASCII in practice; Latin-1 keeps any other byte intact and one char each.
                return System.Text.Encoding.Latin1.GetString(line.ToArray());
            }
        }
    }

    /// <summary>Copies exactly <paramref name="destination"/>.Length bytes or fails with a 400.</summary>
    public async ValueTask ReadExactAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (destination.Length > 0)
        {
            if (offset == current.Length && !await FillAsync(cancellationToken))
            {
                throw new HttpProtocolException(400, "unexpected end of request body");
            }

            var take = Math.Min(destination.Length, current.Length - offset);
            current.AsMemory(offset, take).CopyTo(destination);
            offset += take;
            destination = destination[take..];
        }
    }

    public void Dispose() => gone.Dispose();

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await chunks.Reader.WaitToReadAsync(cancellationToken))
            {
                if (chunks.Reader.TryRead(out var next))
                {
                    current = next;
                    offset = 0;
                    return true;
                }
            }
        }
        catch (ChannelClosedException)
        {
        }

        return false;
    }
}
