using System.ClientModel;
using System.Diagnostics;
using OllamaOrleans.EndToEnd.Support;
using OllamaSharp;
using OllamaSharp.Models;
using OllamaSharp.Models.Chat;
using OpenAI;
using OpenAI.Chat;

namespace OllamaOrleans.EndToEnd;

/// <summary>Clients written by others, talking to Ollama through the gateway, and what the gateway measured.</summary>
[Collection(ProcessCollection.Name)]
public sealed class GatewayClientTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task OllamaSharp_StreamingChatGenerateAndEmbed_ThroughTheHostPrefix()
    {
        var port = fixture.Port(0);
        var ollama = new OllamaApiClient(new HttpClient { BaseAddress = fixture.Gateway(port), Timeout = TimeSpan.FromSeconds(60) });

        var chat = new List<string>();
        await foreach (var chunk in ollama.ChatAsync(new ChatRequest { Model = "llama3.2", Messages = [new Message(ChatRole.User, "Why is the sky blue?")], Stream = true }))
        {
            chat.Add(chunk?.Message.Content ?? "");
        }

        var generated = new List<string>();
        await foreach (var chunk in ollama.GenerateAsync(new GenerateRequest { Model = "llama3.2", Prompt = "Hello", Stream = true }))
        {
            generated.Add(chunk?.Response ?? "");
        }

        var embedding = await ollama.EmbedAsync(new EmbedRequest { Model = "nomic-embed-text", Input = ["one", "two"] });

        Assert.True(chat.Count > 2 && string.Concat(chat).Length > 0);
        Assert.True(generated.Count > 2);
        Assert.Equal(2, embedding.Embeddings.Count);
        var host = GatewayFixture.Name(port);
        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            fixture.Silo.ScrapeAsync,
            s => Traffic(s, host, "llama3.2:latest", "chat") == 1 && Traffic(s, host, "llama3.2:latest", "generate") == 1 && Traffic(s, host, "nomic-embed-text:latest", "embed") == 1,
            s => s?.Text ?? "no scrape");
        Assert.True(scrape.Value("ollama_time_to_first_token_seconds_count", ("host", host), ("model", "llama3.2:latest"), ("source", "traffic")) >= 2);
    }

    [Fact]
    public async Task OfficialNpmClient_PassesItsChecksThroughTheGateway()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "js", "ollama-client-check.mjs");
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, "tests", "js", "node_modules")), "run npm ci --prefix tests/js (./test.sh does)");
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(fixture.Gateway(fixture.Port(2)).AbsoluteUri.TrimEnd('/'));
        using var node = Process.Start(info)!;
        var output = await node.StandardOutput.ReadToEndAsync() + await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, output);
    }

    [Fact]
    public async Task OpenAiClient_StreamingChatWithUsage_IsMeasured()
    {
        var port = fixture.Port(0);
        var client = new ChatClient("llama3.2", new ApiKeyCredential("not-needed"), new OpenAIClientOptions { Endpoint = new Uri(fixture.Gateway(port), "v1") });

        var text = "";
        ChatTokenUsage? usage = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("Say hello")], new ChatCompletionOptions { MaxOutputTokenCount = 8 }))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            usage ??= update.Usage;
        }

        Assert.NotEmpty(text);
        Assert.NotNull(usage);
        var host = GatewayFixture.Name(port);
        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            fixture.Silo.ScrapeAsync,
            s => Traffic(s, host, "llama3.2:latest", "v1/chat/completions") >= 1,
            s => s?.Text ?? "no scrape");
        Assert.True(scrape.Value("ollama_generation_tokens_total", ("host", host), ("model", "llama3.2:latest"), ("source", "traffic")) >= usage!.OutputTokenCount);
    }

    [Fact]
    public async Task ListenerPort_ServesOneHostWithoutAPrefix()
    {
        var ollama = new OllamaApiClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.ListenerPort}/"), Timeout = TimeSpan.FromSeconds(60) });

        var models = await ollama.ListLocalModelsAsync();
        var generated = new List<string>();
        await foreach (var chunk in ollama.GenerateAsync(new GenerateRequest { Model = "llama3.2", Prompt = "Hi", Stream = true }))
        {
            generated.Add(chunk?.Response ?? "");
        }

        Assert.Contains(models, m => m.Name == "llama3.2:latest");
        Assert.NotEmpty(generated);
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            fixture.Silo.ScrapeAsync,
            s => Traffic(s, GatewayFixture.Name(fixture.Port(3)), "llama3.2:latest", "generate") >= 1,
            s => s?.Text ?? "no scrape");
    }

    private static double Traffic(Exposition s, string host, string model, string endpoint) =>
        s.Named("ollama_requests_total").Where(x => x["host"] == host && x["model"] == model && x["endpoint"] == endpoint && x["source"] == "traffic").Sum(x => x.Value);
}
