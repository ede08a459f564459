using System.Collections.Immutable;
using System.Globalization;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Statistics;
using OllamaOrleans.Silo.Web;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Web;

/// <summary>Synthetic fleets for the fleet page's builder and renderer.</summary>
public static class PageFleet
{
    public static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    public static FleetPageSettings Settings(int page = 1, string? grafana = null) =>
        new(page, FleetPageSettings.DefaultPageSize, TimeSpan.FromSeconds(15), grafana, Now);

    public static string Name(int i) => "host-" + i.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// 1,000 hosts: host-0007, host-0107, ... host-0907 down (10); host-0990 to host-0999 not polled
    /// yet (10); every other one up with llama3.2 loaded (2 GiB of VRAM).
    /// </summary>
    public static FleetReading Thousand()
    {
        var hosts = Enumerable.Range(0, 1000).Select(i => i switch
        {
            >= 990 => new FleetHost(Name(i), Url(i), null),
            _ when i % 100 == 7 => new FleetHost(Name(i), Url(i), Snapshot(Name(i), up: false, error: "connection refused")),
            _ => new FleetHost(Name(i), Url(i), Snapshot(Name(i), up: true, models: [Models.Snapshot("llama3.2:latest", Models.Available(), Models.Loaded(vram: 2L << 30))])),
        });
        return new FleetReading([.. hosts], [], null, []);
    }

    public static HostSnapshot Snapshot(string name, bool up, string? error = null, string? version = "0.32.15", DateTimeOffset? lastPoll = null, DateTimeOffset? lastSuccess = null, params ModelSnapshot[] models) =>
        new(
            new HostRegistration(name, "http://" + name + ":11434/", ImmutableSortedDictionary<string, string>.Empty, HostSource.Configuration),
            up,
            version,
            lastPoll ?? Now.AddSeconds(-3),
            lastSuccess ?? (up ? Now.AddSeconds(-3) : null),
            [.. models],
            [],
            0,
            error);

    public static HostStatistics Statistics(string host, params (string Model, long Requests, long Tokens, double Seconds, double Latency)[] models) =>
        new(host, WindowSummary.Empty(StatisticsWindow.FiveMinutes), [.. models.Select(m => new ModelStatistics(host, m.Model, Summary(m.Requests, m.Tokens, m.Seconds, m.Latency)))]);

    private static WindowSummary Summary(long requests, long tokens, double seconds, double latency) =>
        new(StatisticsWindow.FiveMinutes, requests, ImmutableSortedDictionary<string, long>.Empty, 0, tokens, seconds,
            requests == 0 ? ImmutableSortedDictionary<int, long>.Empty : ImmutableSortedDictionary<int, long>.Empty.Add(SketchMath.BinOf(latency), requests));

    private static string Url(int i) => "http://" + Name(i) + ":11434/";
}
