using System.Diagnostics;
using System.Globalization;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// tests/FakeOllama as a real process tree: a server named "ollama" on a loopback port answering
/// Ollama's GET endpoints, and a runner child (also "ollama") holding 64 MiB and burning half a core.
/// </summary>
public sealed class FakeOllamaTree : IAsyncDisposable
{
    private readonly Process server;

    private FakeOllamaTree(Process server, int port, int runnerPid)
    {
        this.server = server;
        Port = port;
        RunnerPid = runnerPid;
    }

    public int Port { get; }

    public int ServerPid => server.Id;

    public int RunnerPid { get; }

    public static async Task<FakeOllamaTree> StartAsync(int port)
    {
        var info = new ProcessStartInfo(RepositoryPaths.FakeOllama)
        {
            ArgumentList = { "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--runner-burn", "0.5", "--runner-mb", "64" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ready = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("fake ollama exited before it was ready");
        return new FakeOllamaTree(process, port, int.Parse(ready.Split(' ')[2], CultureInfo.InvariantCulture));
    }

    /// <summary>Kills the server as a crash would; its runner exits when its stdin closes.</summary>
    public async Task KillAsync()
    {
        if (!server.HasExited)
        {
            server.Kill();
            await server.WaitForExitAsync();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Directory.Exists($"/proc/{RunnerPid}") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        server.Dispose();
    }
}
