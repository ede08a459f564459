using System.Runtime.InteropServices;

namespace OllamaSimulator.Cli;

/// <summary>The command-line simulator: start, report, serve until SIGINT/SIGTERM, stop.</summary>
public static class SimulatorProgram
{
    public const int BadArguments = 2;
    public const int StartFailed = 1;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        SimulatorOptions? options;
        try
        {
            options = CommandLine.Parse(args);
        }
        catch (CommandLineException e)
        {
            await errors.WriteLineAsync($"ollama-simulator: {e.Message}");
            await errors.WriteLineAsync("run with --help for the list of arguments");
            return BadArguments;
        }

        if (options is null)
        {
            await output.WriteLineAsync(CommandLine.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        SimulatorHost simulator;
        try
        {
            simulator = await SimulatorHost.StartAsync(options, stop.Token);
        }
        catch (InvalidOperationException e)
        {
            await errors.WriteLineAsync($"ollama-simulator: {e.Message}");
            return StartFailed;
        }

        await using (simulator)
        {
            for (var i = 0; i < simulator.Hosts.Count; i++)
            {
                await output.WriteLineAsync($"host {i + 1} listening on {simulator.Hosts[i].BaseUri}");
            }

            await output.WriteLineAsync(ReadyLine(simulator));
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await output.WriteLineAsync("simulator stopped");
        return 0;

        void Stop(PosixSignalContext context)
        {
            // Handled here: the process ends by returning from Main, with exit code 0.
            context.Cancel = true;
            stop.Cancel();
        }
    }

    public static string ReadyLine(SimulatorHost simulator)
    {
        var ports = simulator.Hosts.Select(h => h.Port).ToList();
        var count = ports.Count == 1 ? "1 host" : $"{ports.Count} hosts";
        var contiguous = ports[^1] - ports[0] == ports.Count - 1;
        var where = ports.Count == 1 ? $"127.0.0.1:{ports[0]}"
            : contiguous ? $"127.0.0.1:{ports[0]}-{ports[^1]}"
            : $"127.0.0.1 ports {string.Join(',', ports)}";
        return $"simulator ready: {count} on {where}, control on 127.0.0.1:{simulator.ControlPort}";
    }
}
