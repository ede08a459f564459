using System.Globalization;
using System.Net.Sockets;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>A throwaway redis-server on a free loopback port, in memory only (no RDB, no AOF).</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string directory;

    private RedisServer(ChildProcess process, int port, string directory)
    {
        Process = process;
        Port = port;
        this.directory = directory;
    }

    public ChildProcess Process { get; }

    public int Port { get; }

    /// <summary>The value of <c>REDIS_CONNECTION</c> for a silo using this server.</summary>
    public string Connection => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePorts.One();
        var directory = Directory.CreateTempSubdirectory("ollama-orleans-redis-").FullName;
        var process = ChildProcess.StartProgram(
            "redis-server", directory, new Dictionary<string, string>(),
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory);
        var server = new RedisServer(process, port, directory);
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            () => Task.FromResult(process.HasExited ? throw new InvalidOperationException("redis-server exited:\n" + process.OutputText) : server.Answers()),
            up => up,
            _ => "redis-server not answering:\n" + process.OutputText);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient("127.0.0.1", Port);
            using var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            return stream.Read(buffer) > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
