using System.Globalization;
using System.Text;

namespace OllamaSimulator.Http;

/// <summary>
/// Writes one response, either whole with Content-Length or streamed with chunked encoding (never both),
/// sending each chunk as soon as it is written, as Go's <c>Flush</c> does.
/// </summary>
internal sealed class HttpResponse
{
    private readonly HttpConnection connection;
    private readonly SortedDictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool isHead;
    private readonly bool isHttp10;
    private readonly CancellationToken requestToken;
    private bool streaming;
    private int chunksWritten;

    public HttpResponse(HttpConnection connection, bool isHead, bool isHttp10, bool keepAlive, CancellationToken requestToken)
    {
        this.connection = connection;
        this.isHead = isHead;
        this.isHttp10 = isHttp10;
        this.requestToken = requestToken;
        KeepAlive = keepAlive;
    }

    /// <summary>0 until the status line has been sent.</summary>
    public int StatusCode { get; private set; }

    public bool HasStarted => StatusCode != 0;

    public bool IsStreaming => streaming;

    public bool IsComplete { get; private set; }

    public bool KeepAlive { get; private set; }

    public ResponseFault Fault { get; set; }

    public void SetHeader(string name, string value) => headers[name] = value;

    public Task WriteTextAsync(int status, string? contentType, string body) =>
        WriteAsync(status, contentType, Encoding.UTF8.GetBytes(body));

    public async Task WriteAsync(int status, string? contentType, byte[] body)
    {
        EnsureNotStarted();
        if (Fault == ResponseFault.Malform && IsJson(contentType))
        {
            body = Malform(body);
        }

        if (contentType is not null)
        {
            headers["Content-Type"] = contentType;
        }

        var head = BuildHead(status, "Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
        var payload = isHead ? [] : body;
        StatusCode = status;
        if (Fault == ResponseFault.Truncate)
        {
            var cut = payload.Length == 0 ? head[..(head.Length / 2)] : [.. head, .. payload[..(payload.Length / 2)]];
            await SendAsync(cut);
            Abort();
            return;
        }

        await SendAsync([.. head, .. payload]);
        IsComplete = true;
    }

    public async Task StartStreamAsync(int status, string contentType)
    {
        EnsureNotStarted();
        headers["Content-Type"] = contentType;
        StatusCode = status;
        streaming = true;
        if (isHttp10)
        {
            // HTTP/1.0 has no chunked encoding: the body runs until the connection closes, as Go does it.
            KeepAlive = false;
            await SendAsync(BuildHead(status, null, null));
            return;
        }

        await SendAsync(BuildHead(status, "Transfer-Encoding", "chunked"));
    }

    public async Task WriteChunkAsync(byte[] data)
    {
        if (!streaming)
        {
            throw new InvalidOperationException("The response is not streaming.");
        }

        if (data.Length == 0 || isHead)
        {
            return;
        }

        if (Fault == ResponseFault.Malform && IsJson(headers["Content-Type"]))
        {
            data = Malform(data);
        }

        byte[] frame = isHttp10 ? data : [.. Encoding.ASCII.GetBytes(data.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. data, (byte)'\r', (byte)'\n'];
        chunksWritten++;
        if (Fault == ResponseFault.Truncate && chunksWritten > 1)
        {
            await SendAsync(frame[..(frame.Length / 2)]);
            Abort();
            throw new OperationCanceledException("response truncated by fault", requestToken);
        }

        await SendAsync(frame);
    }

    public async Task EndStreamAsync()
    {
        if (Fault == ResponseFault.Truncate)
        {
            // A one-chunk stream is cut by never sending its terminating chunk.
            Abort();
            return;
        }

        if (!isHead && !isHttp10)
        {
            await SendAsync("0\r\n\r\n"u8.ToArray());
        }

        IsComplete = true;
    }

    /// <summary>Closes the connection at once, whatever was sent so far.</summary>
    public void Abort()
    {
        KeepAlive = false;
        connection.Abort();
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.Contains("json", StringComparison.Ordinal) || contentType.Contains("event-stream", StringComparison.Ordinal));

    /// <summary>A strict prefix of a JSON document never parses, and the trailing newlines keep the framing.</summary>
    private static byte[] Malform(byte[] data)
    {
        var end = data.Length;
        while (end > 0 && data[end - 1] == '\n')
        {
            end--;
        }

        return [.. data[..(end / 2)], .. data[end..]];
    }

    private void EnsureNotStarted()
    {
        if (HasStarted)
        {
            throw new InvalidOperationException("The response has already started.");
        }
    }

    private byte[] BuildHead(int status, string? framingHeader, string? framingValue)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{(isHttp10 ? "HTTP/1.0" : "HTTP/1.1")} {status} {HttpStatus.ReasonPhrase(status)}\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Date: {connection.Now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)}\r\n");
        // No framing for bodiless statuses, nor a chunked header on HEAD.
        if (framingHeader is not null && status is not (204 or 304) && !(isHead && framingHeader == "Transfer-Encoding"))
        {
            text.Append(CultureInfo.InvariantCulture, $"{framingHeader}: {framingValue}\r\n");
        }

        if (!KeepAlive)
        {
            text.Append("Connection: close\r\n");
        }
        else if (isHttp10)
        {
            text.Append("Connection: keep-alive\r\n");
        }

        text.Append("\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private async Task SendAsync(byte[] data)
    {
        if (!await connection.SendAsync(data, requestToken))
        {
            throw new OperationCanceledException("client disconnected", requestToken);
        }
    }
}
