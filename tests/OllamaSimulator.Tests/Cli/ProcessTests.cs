using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OllamaSimulator.Tests.Cli;

/// <summary>The simulator as a separate process, as end-to-end tests and benchmarks run it.</summary>
public sealed partial class ProcessTests
{
    [Fact]
    public async Task Process_ServesHosts_PrintsReady_StopsOnSigtermWithExitCode0()
    {
        using var process = Start("--hosts", "2", "--port", "0", "--control-port", "0", "--load-ms", "0");
        try
        {
            var lines = new List<string>();
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))) is not null)
            {
                lines.Add(line);
                if (line.StartsWith("simulator ready: ", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.Equal(3, lines.Count);
            var ports = lines.Take(2).Select(l => int.Parse(HostLine().Match(l).Groups[1].Value)).ToList();
            var control = int.Parse(ReadyLine().Match(lines[2]).Groups[1].Value);
            using var client = new HttpClient();
            foreach (var port in ports)
            {
                Assert.Equal("Ollama is running", await client.GetStringAsync($"http://127.0.0.1:{port}/"));
            }

            Assert.Contains($"\"port\":{ports[1]}", await client.GetStringAsync($"http://127.0.0.1:{control}/_sim/hosts"), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("simulator stopped", (await process.StandardOutput.ReadToEndAsync()).Trim());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Theory]
    [InlineData(new[] { "--hosts", "zero" }, "ollama-simulator: --hosts: expected an integer >= 1, got 'zero'")]
    [InlineData(new[] { "--models", "/nonexistent.json" }, "ollama-simulator: --models: cannot read '/nonexistent.json'")]
    public async Task Process_BadArguments_Exit2WithTheArgumentOnStderr(string[] args, string message)
    {
        using var process = Start(args);
        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryRoot.Built(Path.Combine("tests", "OllamaSimulator"), "OllamaSimulator.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    [GeneratedRegex(@"^host \d+ listening on http://127\.0\.0\.1:(\d+)/$")]
    private static partial Regex HostLine();

    [GeneratedRegex(@"^simulator ready: 2 hosts on 127\.0\.0\.1.*, control on 127\.0\.0\.1:(\d+)$")]
    private static partial Regex ReadyLine();
}
