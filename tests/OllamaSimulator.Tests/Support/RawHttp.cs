using System.Net.Sockets;
using System.Text;

namespace OllamaSimulator.Tests.Support;

/// <summary>Speaks HTTP/1.1 on a plain socket, to check what client libraries would hide (framing, headers).</summary>
internal sealed class RawHttp : IDisposable
{
    private readonly TcpClient client = new();
    private NetworkStream stream = null!;
    private readonly List<byte> pending = [];

    public static async Task<RawHttp> ConnectAsync(int port)
    {
        var raw = new RawHttp();
        await raw.client.ConnectAsync("127.0.0.1", port);
        raw.stream = raw.client.GetStream();
        return raw;
    }

    public Task SendAsync(string text) => stream.WriteAsync(Encoding.Latin1.GetBytes(text)).AsTask();

    public Task SendAsync(byte[] bytes) => stream.WriteAsync(bytes).AsTask();

    /// <summary>Reads one response (status line, headers, body by its framing); HEAD responses have no body.</summary>
    public async Task<RawResponse> ReadResponseAsync(bool head = false)
    {
        var statusLine = await ReadLineAsync() ?? throw new IOException("connection closed before a response");
        var headers = new List<(string Name, string Value)>();
        for (var line = await ReadLineAsync(); !string.IsNullOrEmpty(line); line = await ReadLineAsync())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add((line[..colon], line[(colon + 1)..].Trim()));
        }

        var response = new RawResponse(statusLine, headers, []);
        if (head || response.Status is 100 or 204 or 304)
        {
            return response;
        }

        if (response.Header("Transfer-Encoding") == "chunked")
        {
            var body = new List<byte>();
            var chunks = new List<string>();
            while (true)
            {
                var size = Convert.ToInt32((await ReadLineAsync())!, 16);
                if (size == 0)
                {
                    await ReadLineAsync();
                    return response with { Body = [.. body], Chunks = chunks };
                }

                var chunk = await ReadExactAsync(size);
                body.AddRange(chunk);
                chunks.Add(Encoding.UTF8.GetString(chunk));
                await ReadLineAsync();
            }
        }

        if (response.Header("Content-Length") is { } length)
        {
            return response with { Body = await ReadExactAsync(int.Parse(length)) };
        }

        return response with { Body = await ReadToEndAsync() };
    }

    /// <summary>True when the server has closed its side (a read returns 0 bytes).</summary>
    public async Task<bool> IsClosedByServerAsync(int timeoutMs = 2000)
    {
        if (pending.Count > 0)
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            var buffer = new byte[1];
            return await stream.ReadAsync(buffer, timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async Task<byte[]> ReadToEndAsync()
    {
        var all = new List<byte>(pending);
        pending.Clear();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                all.AddRange(buffer.AsSpan(0, read));
            }
        }
        catch (IOException)
        {
            // A reset after the last byte still ends the body.
        }

        return [.. all];
    }

    public void Dispose() => client.Dispose();

    private async Task<string?> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            if (pending.Count == 0 && !await FillAsync())
            {
                return line.Count == 0 ? null : Encoding.Latin1.GetString([.. line]);
            }

            var b = pending[0];
            pending.RemoveAt(0);
            if (b == '\n')
            {
                return Encoding.Latin1.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(b);
        }
    }

    private async Task<byte[]> ReadExactAsync(int count)
    {
        while (pending.Count < count)
        {
            if (!await FillAsync())
            {
                throw new IOException($"connection closed after {pending.Count} of {count} bytes");
            }
        }

        var bytes = pending.GetRange(0, count).ToArray();
        pending.RemoveRange(0, count);
        return bytes;
    }

    private async Task<bool> FillAsync()
    {
        var buffer = new byte[8192];
        var read = await stream.ReadAsync(buffer);
        pending.AddRange(buffer.AsSpan(0, read));
        return read > 0;
    }
}
