using System.Globalization;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// A real <c>redis-server</c> on a free port with its own directory and append-only file, so it can be
/// stopped and started again on the same port with its data, as a production Redis restarts.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ollama-orleans-redis-").FullName;
    private ChildProcess? process;

    public RedisServerProcess() => Port = FreePorts.One();

    public int Port { get; }

    public string Connection => $"127.0.0.1:{Port}";

    public bool IsRunning => process is { HasExited: false };

    public async Task StartAsync()
    {
        process = ChildProcess.StartProgram("redis-server", directory, new Dictionary<string, string>(),
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory,
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", "");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(Cli("PING")), r => r.Trim() == "PONG", r => $"redis not answering: {r}\n{process.OutputText}");
    }

    /// <summary>Stops the server the way an operator does (SIGTERM: it writes its data and exits).</summary>
    public async Task StopAsync()
    {
        process!.Terminate();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(20));
        await process.DisposeAsync();
        process = null;
    }

    /// <summary>Runs one command through <c>redis-cli</c> and returns its raw output.</summary>
    public string Cli(params string[] command)
    {
        var info = new System.Diagnostics.ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-p", Port.ToString(CultureInfo.InvariantCulture), .. command])
        {
            info.ArgumentList.Add(argument);
        }

        using var cli = System.Diagnostics.Process.Start(info)!;
        var output = cli.StandardOutput.ReadToEnd() + cli.StandardError.ReadToEnd();
        cli.WaitForExit();
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }
}
