using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OllamaOrleans.Benchmarks.Gateway;

/// <summary>
/// Direct, through the gateway and through nginx, side by side in one run against the same simulator:
/// added latency of small non-streamed requests, time to first byte of streams, streamed chunks per
/// second, and the gateway's memory with 200 concurrent streams. Targets are interleaved request by
/// request so that machine noise hits them alike.
/// </summary>
public static class GatewayBenchmark
{
    private const string Small = """{"model":"llama3.2","prompt":"hi","stream":false,"options":{"num_predict":1}}""";
    private const string Stream5 = """{"model":"llama3.2","prompt":"hi","options":{"num_predict":5}}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        var targets = new[] { ("direct", options["direct"]), ("gateway", options["gateway"]), ("nginx", options["nginx"]) };
        var siloPid = int.Parse(options["silo-pid"], CultureInfo.InvariantCulture);
        var rounds = int.Parse(options.GetValueOrDefault("rounds", "2000"), CultureInfo.InvariantCulture);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseProxy = false }) { Timeout = TimeSpan.FromMinutes(5) };

        // Warm up every path measured below until tiered compilation has settled in the gateway
        // (a profile of a shorter warm-up showed a quarter of its CPU in the JIT during the run).
        var warmup = int.Parse(options.GetValueOrDefault("warmup", "1000"), CultureInfo.InvariantCulture);
        await Interleaved(http, targets, warmup, Small, firstByte: false);
        await Interleaved(http, targets, warmup / 4, Stream5, firstByte: true);
        await Interleaved(http, targets, warmup, null, firstByte: false);
        var small = await Interleaved(http, targets, rounds, Small, firstByte: false);
        var ttfb = await Interleaved(http, targets, rounds / 4, Stream5, firstByte: true);
        var version = await Interleaved(http, targets, rounds, null, firstByte: false);
        Console.WriteLine($"## Gateway benchmark ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {rounds} small requests and {rounds / 4} streams per target, interleaved)");
        Console.WriteLine();
        Console.WriteLine("| target | small request p50 | p99 | added p50 | added p99 | stream first byte p50 | p99 | added p50 | streamed chunks/s | GET /api/version p50 (unmetered) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, url) in targets)
        {
            var chunks = await ChunksPerSecond(http, url);
            var added = AddedLatency.Of(name, small, ttfb);
            Console.WriteLine($"| {name} | {Ms(Percentiles.Of(small[name], 0.5))} | {Ms(Percentiles.Of(small[name], 0.99))} | {Added(name, added.SmallP50)} | {Added(name, added.SmallP99)} | {Ms(Percentiles.Of(ttfb[name], 0.5))} | {Ms(Percentiles.Of(ttfb[name], 0.99))} | {Added(name, added.FirstByteP50)} | {chunks:N0} | {Ms(Percentiles.Of(version[name], 0.5))} |");
        }

        Console.WriteLine();
        Console.WriteLine("Targets (issue 16), the gateway against nginx in this run:");
        foreach (var line in GatewayTargets.Lines(AddedLatency.Of("gateway", small, ttfb), AddedLatency.Of("nginx", small, ttfb)))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
        var (before, peak) = await ConcurrentStreams(http, options["gateway"], siloPid, 200);
        Console.WriteLine($"Gateway (silo) resident memory: {before / 1048576.0:N0} MiB before, {peak / 1048576.0:N0} MiB peak with 200 concurrent streams ({(peak - before) / 200.0 / 1024:N0} KiB per stream).");
        return 0;
    }

    private static async Task<Dictionary<string, List<double>>> Interleaved(HttpClient http, (string Name, string Url)[] targets, int rounds, string? body, bool firstByte)
    {
        var results = targets.ToDictionary(t => t.Name, _ => new List<double>());
        for (var i = 0; i < rounds; i++)
        {
            for (var j = 0; j < targets.Length; j++)
            {
                var (name, url) = targets[(i + j) % targets.Length];
                results[name].Add(await Time(http, url, body, firstByte));
            }
        }

        return results;
    }

    /// <summary>Times one request: a POST /api/generate with <paramref name="body"/>, or GET /api/version without one.</summary>
    private static async Task<double> Time(HttpClient http, string url, string? body, bool firstByte)
    {
        var watch = Stopwatch.StartNew();
        using var request = body is null
            ? new HttpRequestMessage(HttpMethod.Get, url + "/api/version")
            : new HttpRequestMessage(HttpMethod.Post, url + "/api/generate") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[16384];
        var read = await stream.ReadAsync(buffer);
        var first = watch.Elapsed.TotalMilliseconds;
        while (read > 0)
        {
            read = await stream.ReadAsync(buffer);
        }

        return firstByte ? first : watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> ChunksPerSecond(HttpClient http, string url)
    {
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/api/generate") { Content = new StringContent("""{"model":"llama3.2","prompt":"long","options":{"num_predict":20000}}""", Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = 0;
        while (await reader.ReadLineAsync() is not null)
        {
            lines++;
        }

        return lines / watch.Elapsed.TotalSeconds;
    }

    private static async Task<(long Before, long Peak)> ConcurrentStreams(HttpClient http, string url, int pid, int streams)
    {
        var before = Rss(pid);
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(pid));
                await Task.Delay(100);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Time(http, url, """{"model":"llama3.2","prompt":"go","options":{"num_predict":3000}}""", firstByte: false)));
        await sampling.CancelAsync();
        await sampler;
        return (before, peak);
    }

    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Ms(double ms) => $"{ms:N2} ms";

    private static string Added(string target, double ms) => target == "direct" ? "–" : Ms(ms);
}
