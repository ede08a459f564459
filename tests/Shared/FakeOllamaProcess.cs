using System.Diagnostics;
using System.Globalization;

namespace OllamaOrleans.Testing;

/// <summary>
/// tests/FakeOllama as a real process tree: a server named "ollama" on a loopback port answering
/// Ollama's GET endpoints, and one runner child (also "ollama", as Ollama's runners are) that holds
/// memory and burns CPU.
/// </summary>
public sealed class FakeOllamaProcess : IAsyncDisposable
{
    private readonly Process server;

    private FakeOllamaProcess(Process server, int port, int runnerPid)
    {
        this.server = server;
        Port = port;
        RunnerPid = runnerPid;
    }

    public int Port { get; }

    public int ServerPid => server.Id;

    public int RunnerPid { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The fake's native launcher, named <c>ollama</c> like Ollama's binary, built beside this test assembly's configuration.</summary>
    public static string Executable { get; } = Find();

    public static async Task<FakeOllamaProcess> StartAsync(int port, double burn = 0.5, int holdMegabytes = 64)
    {
        var info = new ProcessStartInfo(Executable)
        {
            ArgumentList = { "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--runner-burn", burn.ToString(CultureInfo.InvariantCulture), "--runner-mb", holdMegabytes.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ready = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("fake ollama exited before it was ready");
        return new FakeOllamaProcess(process, port, int.Parse(ready.Split(' ')[2], CultureInfo.InvariantCulture));
    }

    /// <summary>Kills the server as a crash would; its runner exits when its stdin closes.</summary>
    public async Task KillAsync()
    {
        if (!server.HasExited)
        {
            server.Kill();
            await server.WaitForExitAsync();
        }

        await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(10), () => !Directory.Exists($"/proc/{RunnerPid}"), TimeSpan.FromMilliseconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        server.Dispose();
    }

    private static string Find() => RepositoryRoot.Built(Path.Combine("tests", "FakeOllama"), "ollama");
}
