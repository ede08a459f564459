using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// The gateway against a hostile client: made-up model names add no series, no grain and no stored
/// state; thousands of malformed, oversized, slow and aborted requests leave no 5xx of the monitor's
/// own (one the simulator answers itself passes through), no error in its log, the series as they
/// were (a status label value aside: HTTP codes are a bounded set), and resident memory back where it was.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class GatewayHostileClientTests(HostileClientFixture fixture) : IClassFixture<HostileClientFixture>
{
    private const int Seed = 20261206;
    private const int Requests = 2_000;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private static readonly string[] MeteredPaths = ["api/generate", "api/chat", "api/embed", "api/embeddings", "v1/chat/completions", "v1/completions", "v1/embeddings"];

    [Fact]
    public async Task MadeUpModels_AddNoSeries_NoGrain_NoStoredState_AndAreStillProxied()
    {
        var host = fixture.Host(1);
        foreach (var path in MeteredPaths)
        {
            Assert.Equal(404, (await PostAsync($"h/{host}/{path}", AnyEndpointBody("made-up-warm-up"))).Status);
        }

        var before = await SettledAsync(host);
        var files = StateFiles();

        var answers = new List<(int Status, string Body)>();
        for (var i = 0; i < 200; i++)
        {
            answers.Add(await PostAsync($"h/{host}/{MeteredPaths[i % MeteredPaths.Length]}", AnyEndpointBody($"made-up-{i}")));
        }

        var fleet = await PostAsync("fleet/api/generate", AnyEndpointBody("made-up-fleet"));
        var after = await SettledAsync(host);

        Assert.All(answers.Select((a, i) => (a, i)), x => Assert.True(x.a.Status == 404 && x.a.Body.Contains($"made-up-{x.i}", StringComparison.Ordinal), $"#{x.i}: {x.a}"));
        Assert.Equal((404, """{"error":"model 'made-up-fleet' not found"}"""), fleet);
        Assert.DoesNotContain("made-up", after.Text, StringComparison.Ordinal);
        SameSeries(before, after);
        Assert.Equal(0, after.Value("ollama_requests_in_flight", ("host", host), ("model", "other")));
        Assert.Equal(200, after.Samples.Where(s => s.Name == "ollama_gateway_requests_total" && s["host"] == host && s["status"] == "404").Sum(s => s.Value) - before.Samples.Where(s => s.Name == "ollama_gateway_requests_total" && s["host"] == host && s["status"] == "404").Sum(s => s.Value));
        Assert.Empty(StateFiles().Except(files));
    }

    [Fact]
    public async Task ARemovedHost_TakesItsGatewaySeriesAlong()
    {
        using var admin = ApiKeys.Client(fixture.Silo.BaseUri, ApiKeys.Admin);
        using (var created = await admin.SendJsonAsync(HttpMethod.Post, "api/v1/hosts", new { name = "leaving", url = $"http://{fixture.Host(2)}" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        await Eventually.WithinAsync(TimeSpan.FromSeconds(15), fixture.Silo.ScrapeAsync, s => s.Value("ollama_up", ("host", "leaving")) == 1, s => s?.Text ?? "no scrape");
        Assert.Equal(200, (await PostAsync("h/leaving/api/generate", AnyEndpointBody(GatewayFuzz.Listed))).Status);
        Assert.Equal(404, (await PostAsync("h/leaving/api/generate", AnyEndpointBody("made-up-leaving"))).Status);
        var served = await fixture.Silo.ScrapeAsync();
        Assert.Equal(
            [("ollama_gateway_requests_total", 1.0), ("ollama_gateway_requests_total", 1.0), ("ollama_requests_in_flight", 0.0), ("ollama_requests_in_flight", 0.0)],
            served.Samples.Where(s => s["host"] == "leaving" && (s.Name.StartsWith("ollama_gateway_", StringComparison.Ordinal) || s.Name == "ollama_requests_in_flight")).Select(s => (s.Name, s.Value)).Order());

        using (var deleted = await admin.DeleteAsync("api/v1/hosts/leaving"))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(20),
            fixture.Silo.ScrapeAsync,
            s => s.Samples.All(x => x["host"] != "leaving"),
            s => "series of the removed host left: " + string.Join(", ", s?.Samples.Where(x => x["host"] == "leaving").Select(x => x.Name) ?? []));
    }

    [Fact]
    public async Task TwoThousandHostileRequests_NoMonitor5xx_NoErrorLogged_SeriesAndMemoryAsBefore()
    {
        string[] hosts = [fixture.Host(0), fixture.Host(1)];
        await SendAllAsync(GatewayFuzz.WarmUp(Seed, hosts));
        var before = await SettledAsync(hosts);
        await InducedGc.CollectAsync(fixture.Silo.Process.Pid);
        var resident = fixture.ResidentBytes();
        var logged = fixture.Silo.Process.Output.Count;

        var statuses = await SendAllAsync(GatewayFuzz.Generate(Seed, Requests, hosts));
        var after = await SettledAsync(hosts);

        var errors = fixture.Silo.Process.Output.Skip(logged).Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal) || l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(20)));
        SameSeries(before, after);
        var answered = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        Assert.True(statuses.Values.Sum() == Requests && statuses.GetValueOrDefault(200) > 0 && statuses.GetValueOrDefault(400) > 0 && statuses.GetValueOrDefault(404) > 0, answered);
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            async () =>
            {
                await InducedGc.CollectAsync(fixture.Silo.Process.Pid);
                return fixture.ResidentBytes();
            },
            rss => rss <= resident * 1.10,
            rss => $"resident memory {rss / 1048576} MiB after the fuzz, {resident / 1048576} MiB before");
    }

    /// <summary>Sends the requests eight at a time; the statuses answered, counted (0: aborted by the client).</summary>
    private async Task<ConcurrentDictionary<int, int>> SendAllAsync(List<GatewayFuzzRequest> requests)
    {
        var statuses = new ConcurrentDictionary<int, int>();
        var monitorErrors = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, _) =>
        {
            var (status, body) = request.Abort ? (0, "") : await PostAsync(request.Path, request.Body, request.Slow);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status >= 500 && await DirectlyAsync(request) != status)
            {
                monitorErrors.Add($"{request} -> {status} {body[..Math.Min(body.Length, 300)]}");
            }

            if (request.Abort)
            {
                await AbortAsync(request);
            }
        });
        Assert.True(monitorErrors.IsEmpty, $"seed {Seed}:\n" + string.Join('\n', monitorErrors.Take(10)));
        return statuses;
    }

    private async Task<(int Status, string Body)> PostAsync(string path, byte[] body, bool slow = false)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Silo.BaseUri, path))
        {
            Content = slow ? new SlowContent(body, TimeSpan.FromMilliseconds(20)) : new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>What the simulator itself answers the request (a /fleet one as its first host): a 5xx it answers is not the monitor's.</summary>
    private async Task<int> DirectlyAsync(GatewayFuzzRequest request)
    {
        var parts = request.Path.Split('/', 3);
        var (host, path) = parts[0] == "h" ? (parts[1], parts[2]) : (fixture.Host(0), request.Path["fleet/".Length..]);
        using var content = new ByteArrayContent(request.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(new Uri($"http://{host}/{path}"), content);
        return (int)response.StatusCode;
    }

    /// <summary>Announces the whole body, sends half of it, and resets the connection.</summary>
    private async Task AbortAsync(GatewayFuzzRequest request)
    {
        using var client = new TcpClient();
        client.LingerState = new LingerOption(true, 0);
        await client.ConnectAsync("127.0.0.1", fixture.Silo.HttpPort);
        var stream = client.GetStream();
        var head = $"POST /{request.Path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {Math.Max(2, request.Body.Length)}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(request.Body.AsMemory(0, request.Body.Length / 2));
        await stream.FlushAsync();
        await Task.Delay(10);
    }

    /// <summary>
    /// The exposition once the requests sent so far are on it: a last request for the listed model on
    /// each host goes through the same queue and grains, so once it is counted, everything before it is.
    /// </summary>
    private async Task<Exposition> SettledAsync(params string[] hosts)
    {
        var counted = new Dictionary<string, double>();
        var scrape = await fixture.Silo.ScrapeAsync();
        foreach (var host in hosts)
        {
            counted[host] = Count(scrape, host);
            Assert.Equal(200, (await PostAsync($"h/{host}/api/generate", AnyEndpointBody(GatewayFuzz.Listed))).Status);
        }

        return await Eventually.WithinAsync(
            TimeSpan.FromSeconds(20),
            fixture.Silo.ScrapeAsync,
            s => hosts.All(h => Count(s, h) > counted[h]),
            s => "the last request was not counted:\n" + s?.Text);
    }

    private static double Count(Exposition scrape, string host) =>
        scrape.Value("ollama_requests_total", ("host", host), ("model", "llama3.2:latest"), ("endpoint", "generate"), ("method", "POST"), ("status", "200"), ("source", "traffic")) ?? 0;

    /// <summary>
    /// The same series before and after, the status label aside: a status is an HTTP code or one of
    /// the failure classes (a bounded set, met the first time Ollama answers so), not what a client wrote.
    /// </summary>
    private static void SameSeries(Exposition before, Exposition after)
    {
        var (was, now) = (Series(before), Series(after));
        Assert.True(was.SequenceEqual(now), $"{was.Count} series before, {now.Count} after; gone: {string.Join(", ", was.Except(now))}; new: {string.Join(", ", now.Except(was))}");
        var statuses = after.Samples.Where(s => s.Name.StartsWith("ollama_", StringComparison.Ordinal)).SelectMany(s => new[] { s["status"], s["status_class"] }).Where(v => !string.IsNullOrEmpty(v)).Distinct().ToList();
        Assert.All(statuses, v => Assert.Matches(@"^([1-5][0-9][0-9]|[1-5]xx|error|ok|timeout|refused|unreachable|malformed|truncated|disconnected|stream_error)$", v));
    }

    /// <summary>The series of the monitor's own <c>ollama_*</c> families without their values, and without their status label.</summary>
    private static List<string> Series(Exposition scrape) =>
        [.. scrape.Text.Split('\n').Where(l => l.StartsWith("ollama_", StringComparison.Ordinal))
            .Select(l => StatusLabel().Replace(l[..l.LastIndexOf(' ')], ""))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    [System.Text.RegularExpressions.GeneratedRegex("(,?)status(_class)?=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex StatusLabel();

    private List<string> StateFiles() =>
        [.. Directory.GetFiles(fixture.StateDirectory, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static byte[] AnyEndpointBody(string model) => Encoding.UTF8.GetBytes(
        $$"""{"model":{{System.Text.Json.JsonSerializer.Serialize(model)}},"prompt":"hi","input":"hi","messages":[{"role":"user","content":"hi"}],"stream":false,"options":{"num_predict":2},"max_tokens":2}""");
}
