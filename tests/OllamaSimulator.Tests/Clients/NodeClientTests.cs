using System.ComponentModel;
using System.Diagnostics;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Clients;

/// <summary>The official <c>ollama</c> npm client, run by tests/js/ollama-client-check.mjs, must accept the simulator.</summary>
public sealed class NodeClientTests
{
    [Fact]
    public async Task OfficialJavaScriptClient_AcceptsEveryAnswer()
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "tests", "js", "ollama-client-check.mjs");
        Assert.True(
            Directory.Exists(Path.Combine(root, "tests", "js", "node_modules", "ollama")),
            "tests/js/node_modules is missing: run `npm ci --prefix tests/js` first");
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 500));

        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(sim.Hosts[0].BaseUri.ToString().TrimEnd('/'));
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"cannot run node ({e.Message}); install Node.js 20+ and run `npm ci --prefix tests/js`");
            return;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var output = await stdout + await stderr;

            Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}:\n{output}");
            Assert.Contains("all checks passed", output, StringComparison.Ordinal);
        }
    }
}
