using System.Globalization;
using System.Text.RegularExpressions;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// A Redis-backed cluster of real silo processes on one machine (each on its own silo, gateway and
/// HTTP ports), a real redis-server and the simulator's hosts. The first silo registers the hosts;
/// the others start with no host list and take the registry from Redis.
/// </summary>
public sealed class ClusterRig : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly List<SiloProcess> stopped = [];

    private ClusterRig(RedisServerProcess redis, SimulatorProcess simulator)
    {
        Redis = redis;
        Simulator = simulator;
    }

    public RedisServerProcess Redis { get; }

    public SimulatorProcess Simulator { get; }

    /// <summary>The running silos, in the order they started.</summary>
    public List<SiloProcess> Silos { get; } = [];

    public IReadOnlyList<string> Hosts => [.. Simulator.Ports.Select(p => $"127.0.0.1:{p}")];

    public static async Task<ClusterRig> StartAsync(int silos, int hosts)
    {
        var redis = new RedisServerProcess();
        await redis.StartAsync();
        var rig = new ClusterRig(redis, await SimulatorProcess.StartAsync(hosts));
        await rig.StartSiloAsync(registerHosts: true);
        for (var i = 1; i < silos; i++)
        {
            await rig.StartSiloAsync();
        }

        return rig;
    }

    /// <summary>A silo's line when it sees silos join or leave, with the change's number.</summary>
    public const string MembershipChanged = "Cluster membership changed (#";

    /// <summary>In the watchdog's line when a pass has moved the hosts (or could not), with the last change it covers.</summary>
    private const string WatchdogDone = "after membership change #";

    private static readonly Regex ChangeNumber = new(@"Cluster membership changed \(#(\d+)\)", RegexOptions.CultureInvariant);

    private static readonly Regex DoneNumber = new(@"after membership change #(\d+)", RegexOptions.CultureInvariant);

    /// <summary>
    /// Starts a silo and, when others run, waits until each of them has seen it join, so that
    /// <see cref="SettledAsync"/> then also waits for the hosts that move to it.
    /// </summary>
    public async Task<SiloProcess> StartSiloAsync(bool registerHosts = false)
    {
        var running = Silos.ToDictionary(s => s, s => Lines(s, MembershipChanged));
        var silo = await LaunchSiloAsync(registerHosts);
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            () => Task.FromResult(running.All(r => Lines(r.Key, MembershipChanged) > r.Value)),
            seen => seen,
            _ => $"the running silos did not see silo {silo.HttpPort} join");
        return silo;
    }

    private async Task<SiloProcess> LaunchSiloAsync(bool registerHosts)
    {
        var settings = new Dictionary<string, string>
        {
            ["REDIS_CONNECTION"] = Redis.Connection,
            ["Orleans__ClusterId"] = "e2e",
            ["Orleans__ServiceId"] = "e2e",
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["COLLECT_INTERVAL"] = PollInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["Resources__Enabled"] = "false",
            ["Monitor__Probes__Interval"] = "00:00:02",
        };
        if (registerHosts)
        {
            settings["OLLAMA_URL"] = Simulator.OllamaUrls;
        }

        // Free ports are picked, not reserved: on a shared machine another process may take one first.
        for (var attempt = 1; ; attempt++)
        {
            var silo = SiloProcess.Start(settings);
            Silos.Add(silo);
            try
            {
                await silo.WaitUntilReadyAsync();
                return silo;
            }
            catch (InvalidOperationException) when (attempt < 3 && silo.Process.OutputText.Contains("AddressInUseException", StringComparison.Ordinal))
            {
                Forget(silo);
            }
        }
    }

    /// <summary>Which running silos export each host's <c>ollama_up</c>, by index in <see cref="Silos"/>.</summary>
    public async Task<Dictionary<string, List<int>>> OwnersAsync()
    {
        var owners = Hosts.ToDictionary(h => h, _ => new List<int>());
        var scrapes = await Task.WhenAll(Silos.Select(s => s.ScrapeAsync()));
        for (var i = 0; i < scrapes.Length; i++)
        {
            foreach (var up in scrapes[i].Named("ollama_up"))
            {
                owners[up["host"]].Add(i);
            }
        }

        return owners;
    }

    /// <summary>
    /// Waits until every running silo's watchdog has finished a pass that covers the last membership
    /// change it saw (the hosts that move have moved), then until every host's series come from exactly
    /// one running silo. Changes that arrive during a pass share the next one, so a silo can log fewer
    /// passes than changes; the numbers tell which pass covered which change.
    /// </summary>
    public async Task<Dictionary<string, List<int>>> SettledAsync(TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        await Eventually.WithinAsync(
            within,
            () => Task.FromResult(Silos.All(s => Last(s, DoneNumber) >= Last(s, ChangeNumber))),
            done => done,
            _ => "a silo's watchdog is still moving hosts:\n" + string.Join("\n", LogLines(MembershipChanged, WatchdogDone)));
        var left = until - DateTime.UtcNow;
        return await Eventually.WithinAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, OwnersAsync, o => o.Values.All(s => s.Count == 1), Describe);
    }

    private static int Lines(SiloProcess silo, string text) => silo.Process.Output.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>The highest change number the silo logged in lines the pattern matches (0 if none).</summary>
    private static long Last(SiloProcess silo, Regex pattern) =>
        silo.Process.Output.Select(l => pattern.Match(l)).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    /// <summary>Every host's sample of one series, from whichever silo exports it (the highest if several do).</summary>
    public async Task<Dictionary<string, double>> ValuesAsync(string name)
    {
        var scrapes = await Task.WhenAll(Silos.Select(s => s.ScrapeAsync()));
        return scrapes.SelectMany(s => s.Named(name))
            .GroupBy(s => s["host"])
            .ToDictionary(g => g.Key, g => g.Max(s => s.Value));
    }

    /// <summary>Takes a silo out of <see cref="Silos"/>; its process is kept for its output until the end.</summary>
    public void Forget(SiloProcess silo)
    {
        Silos.Remove(silo);
        stopped.Add(silo);
    }

    /// <summary>Log lines of every silo, running or stopped, that contain one of the words.</summary>
    public IEnumerable<string> LogLines(params string[] words) =>
        stopped.Concat(Silos).SelectMany(s => s.Process.Output.Where(l => words.Any(w => l.Contains(w, StringComparison.OrdinalIgnoreCase))).Select(l => $"{s.HttpPort}: {l}"));

    public static string Describe(Dictionary<string, List<int>>? owners) =>
        owners is null ? "no scrape" : string.Join(", ", owners.Select(o => $"{o.Key} on [{string.Join(' ', o.Value)}]"));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos.Concat(stopped))
        {
            await silo.DisposeAsync();
        }

        await Simulator.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
