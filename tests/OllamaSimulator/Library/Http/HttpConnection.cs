using System.Net.Sockets;
using System.Text;

namespace OllamaSimulator.Http;

/// <summary>Serves requests on one accepted socket until either side closes it.</summary>
internal sealed class HttpConnection
{
    private readonly Socket socket;
    private readonly IHttpHandler handler;
    private readonly TimeProvider timeProvider;
    private readonly CancellationTokenSource aborted = new();
    private int closed;

    public HttpConnection(Socket socket, IHttpHandler handler, TimeProvider timeProvider)
    {
        this.socket = socket;
        this.handler = handler;
        this.timeProvider = timeProvider;
        socket.NoDelay = true;
    }

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public async Task RunAsync()
    {
        using var input = new ConnectionInput(socket);
        var pump = input.PumpAsync(aborted.Token);
        try
        {
            while (closed == 0)
            {
                HttpRequest? request;
                try
                {
                    request = await HttpRequestReader.ReadAsync(input, SendContinueAsync, aborted.Token);
                }
                catch (HttpProtocolException e)
                {
                    await SendProtocolErrorAsync(e.StatusCode);
                    break;
                }

                if (request is null || !await ServeAsync(request, input.ClientGone))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Aborted while reading the next request.
        }
        finally
        {
            Abort();
            await pump;
            aborted.Dispose();
        }
    }

    /// <summary>Sends bytes; false once the connection is gone, which the caller treats as a disconnect.</summary>
    public async Task<bool> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            while (data.Length > 0)
            {
                var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken);
                data = data[sent..];
            }

            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Abort();
            return false;
        }
    }

    /// <summary>Closes the socket; any request in progress sees its token fire.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref closed, 1) != 0)
        {
            return;
        }

        try
        {
            aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        socket.Dispose();
    }

    private async Task<bool> ServeAsync(HttpRequest request, CancellationToken clientGone)
    {
        using var requestScope = CancellationTokenSource.CreateLinkedTokenSource(clientGone, aborted.Token);
        var response = new HttpResponse(this, request.Method == "HEAD", request.IsHttp10, request.WantsKeepAlive, requestScope.Token);
        try
        {
            await handler.HandleAsync(request, response, requestScope.Token);
            if (!response.HasStarted && closed == 0)
            {
                // Like Go: a handler that wrote nothing answers 200 with an empty body.
                await response.WriteAsync(200, null, []);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception e)
        {
            // gin's recovery middleware answers a panic with a bare 500; the trace goes to stderr as gin logs it.
            await Console.Error.WriteLineAsync($"[simulator] unhandled error for {request.Method} {request.RawPath}: {e}");
            if (!response.HasStarted)
            {
                // gin answers and keeps the connection, as its 500 says (Connection: keep-alive).
                await response.WriteAsync(500, null, []);
                return closed == 0 && response.IsComplete && response.KeepAlive;
            }

            return false;
        }

        return closed == 0 && response.IsComplete && response.KeepAlive;
    }

    private Task SendContinueAsync() => SendAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), aborted.Token);

    private Task SendProtocolErrorAsync(int status)
    {
        // Go's own wording for requests it cannot parse: plain text, no Content-Length, connection closed.
        var text = $"{status} {HttpStatus.ReasonPhrase(status)}";
        var reply = $"HTTP/1.1 {text}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n{text}";
        return SendAsync(Encoding.ASCII.GetBytes(reply), aborted.Token);
    }
}
