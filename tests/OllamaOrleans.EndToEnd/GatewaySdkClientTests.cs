using System.Diagnostics;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;
using OllamaSharp;
using OllamaSharp.Models.Chat;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// Official clients (the openai, @anthropic-ai/sdk and ollama npm packages, run by
/// tests/js/sdk-client-check.mjs, and OllamaSharp) on every inference route, through <c>/h/{host}</c>
/// and <c>/fleet</c>, streaming and not: each receives what it receives from the simulator directly,
/// and the gateway's request and token counts equal the clients' own totals.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class GatewaySdkClientTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly string[] Models = ["llama3.2:latest", "deepseek-r1:8b"];

    [Fact]
    public async Task OfficialClients_ThroughHostAndFleet_SeeTheSimulator_AndTheCountsAreTheirs()
    {
        var host = GatewayFixture.Name(fixture.Port(0));
        var direct = fixture.Simulator.Host(fixture.Port(1)).AbsoluteUri.TrimEnd('/');
        var byHost = await RunNodeAsync(direct, fixture.Gateway(fixture.Port(0)).AbsoluteUri.TrimEnd('/'), "sdk-host");
        byHost.Add(await OllamaSharpChatAsync(fixture.Gateway(fixture.Port(0)), "sdk-host"));

        // /fleet picks a host with the model loaded: wait until the polls show the one just used.
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            fixture.Silo.ScrapeAsync,
            s => Models.All(m => s.Value("ollama_model_loaded", ("host", host), ("model", m)) == 1),
            s => s?.Text ?? "no scrape");
        var fleetBase = new Uri(fixture.Silo.BaseUri, "fleet/");
        var byFleet = await RunNodeAsync(direct, fleetBase.AbsoluteUri.TrimEnd('/'), "sdk-fleet", "fleet");
        byFleet.Add(await OllamaSharpChatAsync(fleetBase, "sdk-fleet"));

        var all = byHost.Requests.Keys.Union(byFleet.Requests.Keys).ToList();
        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            fixture.Silo.ScrapeAsync,
            s => Traffic(s, "ollama_requests_total") == byHost.Count + byFleet.Count,
            s => s?.Text ?? "no scrape");

        foreach (var (client, totals) in new[] { ("sdk-host", byHost), ("sdk-fleet", byFleet) })
        {
            Assert.Equal(
                (totals.Count, totals.Prompt, totals.Generation),
                (scrape.Value("ollama_client_requests_total", ("client", client), ("status_class", "2xx")),
                 scrape.Value("ollama_client_tokens_total", ("client", client), ("kind", "prompt")),
                 scrape.Value("ollama_client_tokens_total", ("client", client), ("kind", "generation"))));
        }

        foreach (var endpoint in all)
        {
            var expected = byHost.Requests.GetValueOrDefault(endpoint) + byFleet.Requests.GetValueOrDefault(endpoint);
            Assert.Equal((endpoint, expected), (endpoint, Gateway(scrape, endpoint)));
            Assert.Equal((endpoint, expected), (endpoint, Traffic(scrape, "ollama_requests_total", endpoint)));
        }

        Assert.Equal(byHost.Prompt + byFleet.Prompt, Traffic(scrape, "ollama_prompt_tokens_total"));
        Assert.Equal(byHost.Streamed + byFleet.Streamed, Traffic(scrape, "ollama_time_to_first_token_seconds_count"));
        Assert.Equal(byHost.Generation + byFleet.Generation, Traffic(scrape, "ollama_generation_tokens_total"));
    }

    /// <summary>
    /// /fleet reads the model of every inference route (a multipart field for transcriptions) and answers
    /// a model no host has in the shape of that route's middleware; store changes point at /h/{host}.
    /// </summary>
    [Fact]
    public async Task Fleet_ReadsTheModelOfEveryRoute_AndAnswersInItsShape()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Silo.BaseUri, "fleet/"), Timeout = TimeSpan.FromSeconds(30) };
        async Task<(int Status, string Body)> PostAsync(string path, HttpContent content)
        {
            using var response = await http.PostAsync(path, content);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var messages = await PostAsync("v1/messages", new StringContent("""{"model":"nothere","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}"""));
        var responses = await PostAsync("v1/responses", new StringContent("""{"model":"nothere","input":"hi"}"""));
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.wav" }, { new StringContent("nothere"), "model" } };
        var transcription = await PostAsync("v1/audio/transcriptions", form);
        var show = await PostAsync("api/show", new StringContent("""{"model":"nothere"}"""));
        var pull = await PostAsync("api/pull", new StringContent("""{"model":"llama3.2"}"""));
        using var retrieve = await http.GetAsync("v1/models/nothere");

        Assert.Equal(404, messages.Status);
        using (var anthropic = JsonDocument.Parse(messages.Body))
        {
            Assert.Equal("error", anthropic.RootElement.GetProperty("type").GetString());
            Assert.Equal("""{"type":"not_found_error","message":"model 'nothere' not found"}""", anthropic.RootElement.GetProperty("error").GetRawText());
        }

        const string OpenAiNotFound = """{"error":{"message":"model 'nothere' not found","type":"not_found_error","param":null,"code":null}}""";
        Assert.Equal((404, OpenAiNotFound), responses);
        Assert.Equal((404, OpenAiNotFound), transcription);
        Assert.Equal((404, OpenAiNotFound.Replace("'nothere'", "'nothere:latest'", StringComparison.Ordinal)), ((int)retrieve.StatusCode, await retrieve.Content.ReadAsStringAsync()));
        Assert.Equal((404, """{"error":"model 'nothere:latest' not found"}"""), show);
        Assert.Equal((400, """{"error":"/api/pull changes the models of one host, so /fleet cannot route it: address one host with /h/{host}/api/pull"}"""), pull);
    }

    /// <summary>Runs the npm clients' check; returns what they counted through the gateway.</summary>
    private static async Task<ClientTotals> RunNodeAsync(string direct, string gateway, string client, string? mode = null)
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "js", "sdk-client-check.mjs");
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, "tests", "js", "node_modules", "openai")), "run npm ci --prefix tests/js (./test.sh does)");
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The fixture's answers take 3 s and its upstream timeout is 2 s of silence; a transcription is
        // silent until its whole text is generated, so here it would be a 504 (TranscriptionsTests and
        // the gateway's unit tests cover it).
        info.Environment["SKIP_TRANSCRIPTION"] = "1";
        foreach (var argument in new[] { script, direct, gateway, client, mode })
        {
            if (argument is not null)
            {
                info.ArgumentList.Add(argument);
            }
        }

        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var output = await stdout + await stderr;
        Assert.True(node.ExitCode == 0, output);
        var line = output.Split('\n').Single(l => l.StartsWith("totals ", StringComparison.Ordinal));
        using var totals = JsonDocument.Parse(line["totals ".Length..]);
        var root = totals.RootElement;
        return new ClientTotals(
            root.GetProperty("requests").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            root.GetProperty("streamed").GetDouble(),
            root.GetProperty("prompt").GetDouble(),
            root.GetProperty("generation").GetDouble());
    }

    /// <summary>A streamed OllamaSharp chat through the gateway, compared with the same chat sent to the simulator directly.</summary>
    private async Task<ClientTotals> OllamaSharpChatAsync(Uri gateway, string client)
    {
        async Task<(List<string> Parts, ChatDoneResponseStream Done)> ChatAsync(Uri baseAddress, bool viaGateway)
        {
            var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            if (viaGateway)
            {
                http.DefaultRequestHeaders.Add("X-Client", client);
            }

            using var ollama = new OllamaApiClient(http);
            var parts = new List<string>();
            ChatDoneResponseStream? done = null;
            var request = new ChatRequest { Model = "llama3.2", Messages = [new Message(ChatRole.User, "Why is the sky blue?")], Stream = true, Options = new() { NumPredict = 3 } };
            await foreach (var chunk in ollama.ChatAsync(request))
            {
                done = chunk as ChatDoneResponseStream ?? done;
                parts.Add(chunk?.Message.Content ?? "");
            }

            return (parts, done!);
        }

        var expected = await ChatAsync(fixture.Simulator.Host(fixture.Port(1)), viaGateway: false);
        var actual = await ChatAsync(gateway, viaGateway: true);

        Assert.Equal(expected.Parts, actual.Parts);
        Assert.Equal((expected.Done.DoneReason, expected.Done.PromptEvalCount, expected.Done.EvalCount), (actual.Done.DoneReason, actual.Done.PromptEvalCount, actual.Done.EvalCount));
        return new ClientTotals(new Dictionary<string, double> { ["chat"] = 1 }, 1, actual.Done.PromptEvalCount, actual.Done.EvalCount);
    }

    private static double Gateway(Exposition s, string endpoint) =>
        s.Named("ollama_gateway_requests_total").Where(x => x["endpoint"] == endpoint && x["status"] == "200").Sum(x => x.Value);

    /// <summary>Probes are off: every traffic sample of these models is the clients'.</summary>
    private static double Traffic(Exposition s, string name, string? endpoint = null) =>
        s.Named(name).Where(x => Models.Contains(x["model"]) && x["source"] == "traffic" && (endpoint is null || x["endpoint"] == endpoint)).Sum(x => x.Value);

    /// <summary>What a client counted through the gateway: requests per endpoint label, streamed ones, prompt and generated tokens.</summary>
    private sealed class ClientTotals(Dictionary<string, double> requests, double streamed, double prompt, double generation)
    {
        public Dictionary<string, double> Requests { get; } = requests;

        public double Streamed { get; private set; } = streamed;

        public double Prompt { get; private set; } = prompt;

        public double Generation { get; private set; } = generation;

        public double Count => Requests.Values.Sum();

        public void Add(ClientTotals other)
        {
            foreach (var (endpoint, count) in other.Requests)
            {
                Requests[endpoint] = Requests.GetValueOrDefault(endpoint) + count;
            }

            Streamed += other.Streamed;
            Prompt += other.Prompt;
            Generation += other.Generation;
        }
    }
}
