using System.Text.Json;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// <c>tests/browser/fleet-page.mjs</c> run by node: puppeteer-core driving the system's headless
/// Chromium (<c>/usr/bin/chromium</c>, or <c>CHROMIUM</c>). Its events are JSON lines on stdout.
/// </summary>
public static class BrowserScript
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "browser");

    public static ChildProcess Start(params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            throw new InvalidOperationException("run npm ci --prefix tests/browser (./test.sh does)");
        }

        return ChildProcess.StartProgram("node", Folder, new Dictionary<string, string> { ["PUPPETEER_SKIP_DOWNLOAD"] = "1" }, ["fleet-page.mjs", .. arguments]);
    }

    /// <summary>The script's event named <paramref name="name"/>, once it has printed it; else null.</summary>
    public static JsonElement? Event(ChildProcess script, string name) =>
        script.Output.Where(l => l.StartsWith('{'))
            .Select(l => JsonSerializer.Deserialize<JsonElement>(l))
            .Cast<JsonElement?>()
            .FirstOrDefault(e => e!.Value.GetProperty("event").GetString() == name);

    public static async Task<JsonElement> WaitForEventAsync(ChildProcess script, string name, TimeSpan deadline) =>
        (await Eventually.WithinAsync(
            deadline,
            () => Task.FromResult(Event(script, name)),
            e => e is not null || script.HasExited,
            _ => $"no '{name}' event from the browser script:\n{script.OutputText}"))
        ?? throw new InvalidOperationException($"the browser script exited without a '{name}' event:\n{script.OutputText}");
}
