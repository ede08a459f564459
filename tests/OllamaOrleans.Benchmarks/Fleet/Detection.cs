using System.Diagnostics;
using System.Net.Http.Json;

namespace OllamaOrleans.Benchmarks.Fleet;

/// <summary>
/// Times what an operator waits for: a host going down (simulator fault <c>down</c>: connections
/// refused) until <c>ollama_up 0</c> on <c>/metrics</c>, and a model load (<c>POST /api/generate</c>
/// with an empty prompt, which loads and answers at once) until the model's series say it is loaded.
/// Trial t uses the host a t-th of the fleet in, so trials fall on different poll phases.
/// </summary>
public sealed class Detection(HttpClient http, MetricsScraper scraper, string control, int firstPort, int hosts)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public async Task<double> DownAsync(int trial)
    {
        var port = Port(trial);
        var since = Stopwatch.GetTimestamp();
        await Fault(port, "down");
        var seconds = await scraper.UntilAsync(since, b => MetricsScraper.Value(b, $"ollama_up{{host=\"127.0.0.1:{port}\"}}") == "0", Limit);
        await Fault(port, "none");
        await scraper.UntilAsync(Stopwatch.GetTimestamp(), b => MetricsScraper.Value(b, $"ollama_up{{host=\"127.0.0.1:{port}\"}}") == "1", Limit);
        return seconds;
    }

    public async Task<double> LoadAsync(int trial)
    {
        var port = Port(trial) + 1;
        using var load = await http.PostAsJsonAsync(new Uri($"http://127.0.0.1:{port}/api/generate"), new { model = "gemma3:4b", prompt = "", keep_alive = "10m" });
        load.EnsureSuccessStatusCode();
        var since = Stopwatch.GetTimestamp();
        return await scraper.UntilAsync(since, b => MetricsScraper.Value(b, $"ollama_model_loaded{{host=\"127.0.0.1:{port}\",model=\"gemma3:4b\"}}") == "1", Limit);
    }

    private int Port(int trial) => firstPort + ((hosts / 3 * trial) + 7) % Math.Max(1, hosts - 1);

    private async Task Fault(int port, string mode)
    {
        using var response = await http.PostAsJsonAsync(new Uri($"{control}/_sim/hosts/{port}/fault"), new { mode });
        response.EnsureSuccessStatusCode();
    }
}
