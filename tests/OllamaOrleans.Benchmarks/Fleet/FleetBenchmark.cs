using System.Diagnostics;
using System.Globalization;
using System.Text;
using OllamaOrleans.Benchmarks.Gateway;

namespace OllamaOrleans.Benchmarks.Fleet;

/// <summary>
/// One silo monitoring the simulator's fleet (started by <c>fleet.sh</c>): once every host is polled and a
/// warm-up has passed, the silo's CPU (share of one core over a minute, scraped every 15 s as Prometheus
/// would) and resident memory; then back-to-back scrapes (time and size); then, on a few hosts, the time
/// from the simulator's <c>down</c> fault to <c>ollama_up 0</c> and from a model load to its series.
/// CPU per host-poll is the CPU of the minute divided by the polls the simulator counted in it.
/// Prints one markdown row.
/// </summary>
public static class FleetBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        var pid = int.Parse(o["silo-pid"], CultureInfo.InvariantCulture);
        var hosts = int.Parse(o["hosts"], CultureInfo.InvariantCulture);
        var firstPort = int.Parse(o["first-port"], CultureInfo.InvariantCulture);
        var warmUp = TimeSpan.FromSeconds(double.Parse(o.GetValueOrDefault("warm-up", "60"), CultureInfo.InvariantCulture));
        var trials = int.Parse(o.GetValueOrDefault("trials", "3"), CultureInfo.InvariantCulture);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromMinutes(2) };
        var scraper = new MetricsScraper(http, o["silo"]);

        var ready = Stopwatch.GetTimestamp();
        var allUp = await scraper.UntilAsync(ready, b => MetricsScraper.Count(b, "ollama_up{") == hosts && MetricsScraper.Count(b, "ollama_last_poll_timestamp_seconds{") == hosts, TimeSpan.FromMinutes(10));
        await Task.Delay(warmUp);

        var sinceScrape = 0;
        var polls0 = await SimulatorPolls.CountAsync(http, o["control"]);
        var measured = Stopwatch.StartNew();
        var (cores, rss, _) = await ProcSampler.MeasureAsync([pid], TimeSpan.FromSeconds(60), async () =>
        {
            if (sinceScrape++ % 15 == 0)
            {
                await scraper.ScrapeAsync();
            }
        });
        var perPoll = SimulatorPolls.CpuMsPerPoll(cores, measured.Elapsed.TotalSeconds, await SimulatorPolls.CountAsync(http, o["control"]) - polls0);

        var times = new List<double>();
        var size = 0;
        for (var i = 0; i < 60; i++)
        {
            var (seconds, body) = await scraper.ScrapeAsync();
            times.Add(seconds);
            size = Encoding.UTF8.GetByteCount(body);
            await Task.Delay(250);
        }

        var peakRss = ProcSampler.RssBytes(pid);
        var detection = new Detection(http, scraper, o["control"], firstPort, hosts);
        var down = new List<double>();
        var load = new List<double>();
        for (var t = 0; t < trials; t++)
        {
            down.Add(await detection.DownAsync(t));
            load.Add(await detection.LoadAsync(t));
        }

        var label = o.GetValueOrDefault("label", "silo");
        Console.WriteLine($"| {label} | {hosts:N0} | {allUp:N0} s | {cores:N3} | {perPoll:N3} ms | {Mib(rss)} | {rss / 1024.0 / hosts:N0} KiB | {Mib(peakRss)} | {Ms(Percentiles.Of(times, 0.5))} | {Ms(Percentiles.Of(times, 0.99))} | {size / 1048576.0:N1} MiB | {Seconds(down)} | {Seconds(load)} |");
        return 0;
    }

    /// <summary>CPU and memory of a set of processes (the original exporter, one per host) over a minute.</summary>
    public static async Task<int> ProcessesAsync(string[] args)
    {
        var o = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        var pids = o["pids"].Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        var n = pids.Count;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var polls0 = await SimulatorPolls.CountAsync(http, o["control"]);
        var measured = Stopwatch.StartNew();
        var (cores, rss, pss) = await ProcSampler.MeasureAsync(pids, TimeSpan.FromSeconds(double.Parse(o.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture)));
        var perPoll = SimulatorPolls.CpuMsPerPoll(cores, measured.Elapsed.TotalSeconds, await SimulatorPolls.CountAsync(http, o["control"]) - polls0);
        Console.WriteLine($"| {o.GetValueOrDefault("label", "processes")} | {n:N0} | {cores:N3} | {cores * 1000 / n:N2} | {perPoll:N3} ms | {Mib(rss)} | {Mib(pss)} | {pss / 1048576.0 / n:N1} MiB |");
        return 0;
    }

    private static string Mib(long bytes) => $"{bytes / 1048576.0:N0} MiB";

    private static string Ms(double seconds) => $"{seconds * 1000:N0} ms";

    private static string Seconds(List<double> values) =>
        $"{Percentiles.Of(values, 0.5):N1} s (max {values.Max():N1} s)";
}
