using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OllamaSimulator.Http;

/// <summary>
/// One listening socket on 127.0.0.1 and its connections. <see cref="Stop"/> closes the listener (so new
/// connects are refused) and every open connection; <see cref="Start"/> binds the same port again.
/// </summary>
internal sealed class HttpServer
{
    private const int Backlog = 512;
    private readonly IHttpHandler handler;
    private readonly TimeProvider timeProvider;
    private readonly IPAddress listenAddress;
    private readonly ConcurrentDictionary<HttpConnection, byte> connections = new();
    private readonly Lock gate = new();
    private Socket? listener;

    public HttpServer(IHttpHandler handler, TimeProvider timeProvider, IPAddress? listenAddress = null)
    {
        this.handler = handler;
        this.timeProvider = timeProvider;
        this.listenAddress = listenAddress ?? IPAddress.Loopback;
    }

    public int Port { get; private set; }

    public bool IsListening
    {
        get
        {
            lock (gate)
            {
                return listener is not null;
            }
        }
    }

    /// <summary>Binds and listens; port 0 asks the OS for one the first time, later starts reuse it.</summary>
    public void Start(int port)
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return;
            }

            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                AllowRebindOverTimeWait(socket);
                socket.Bind(new IPEndPoint(listenAddress, port));
                socket.Listen(Backlog);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            listener = socket;
            _ = AcceptLoopAsync(socket);
        }
    }

    /// <summary>
    /// Plain SO_REUSEADDR, so a healed host can bind its port again while old connections sit in TIME_WAIT.
    /// Not .NET's <c>ReuseAddress</c>: on Unix that also sets SO_REUSEPORT, which would let a second
    /// listener share the port and take some of its connections.
    /// </summary>
    private static void AllowRebindOverTimeWait(Socket socket)
    {
        ReadOnlySpan<byte> on = BitConverter.GetBytes(1);
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(1, 2, on);
        }
        else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            socket.SetRawSocketOption(0xffff, 4, on);
        }
    }

    /// <summary>Stops listening and drops every connection, like a server process that died.</summary>
    public void Stop()
    {
        lock (gate)
        {
            listener?.Dispose();
            listener = null;
        }

        foreach (var connection in connections.Keys)
        {
            connection.Abort();
        }
    }

    private async Task AcceptLoopAsync(Socket socket)
    {
        while (true)
        {
            Socket accepted;
            try
            {
                accepted = await socket.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = new HttpConnection(accepted, handler, timeProvider);
            connections[connection] = 0;
            if (!ReferenceEquals(Volatile.Read(ref listener), socket))
            {
                // Stopped while this connection was being accepted: it must not outlive the listener.
                connection.Abort();
            }

            _ = RunConnectionAsync(connection);
        }
    }

    private async Task RunConnectionAsync(HttpConnection connection)
    {
        try
        {
            await Task.Yield();
            await connection.RunAsync();
        }
        finally
        {
            connections.TryRemove(connection, out _);
        }
    }
}
