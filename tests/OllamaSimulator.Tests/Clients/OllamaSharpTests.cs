using OllamaSharp;
using OllamaSharp.Models;
using OllamaSharp.Models.Chat;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Clients;

/// <summary>OllamaSharp, a client written against the real Ollama, must read the simulator's answers.</summary>
public sealed class OllamaSharpTests
{
    [Fact]
    public async Task ListShowAndVersion()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var ollama = new OllamaApiClient(sim.Hosts[0].BaseUri);
        var models = (await ollama.ListLocalModelsAsync()).ToList();
        var show = await ollama.ShowModelAsync(new ShowModelRequest { Model = "llama3.2" });

        Assert.True(await ollama.IsRunningAsync());
        Assert.Equal("0.32.15", (await ollama.GetVersionAsync()).ToString());
        Assert.Equal(DefaultModels.All.Count, models.Count);
        var llama = models.Single(m => m.Name == "llama3.2:latest");
        Assert.Equal((2_019_393_189L, "Q4_K_M", "3.2B"), (llama.Size, llama.Details.QuantizationLevel, llama.Details.ParameterSize));
        Assert.Equal(DefaultModels.Llama32.ModifiedAt, new DateTimeOffset(llama.ModifiedAt.ToUniversalTime()));
        Assert.Equal("llama", show.Info.Architecture);
        Assert.Equal(3_200_000_000, show.Info.ParameterCount);
        Assert.Equal(["completion", "tools"], show.Capabilities!);
    }

    [Fact]
    public async Task Ps_AfterALoad()
    {
        await using var sim = await TestSimulator.StartAsync();
        await sim.Hosts[0].LoadAsync("llama3.2");
        using var ollama = new OllamaApiClient(sim.Hosts[0].BaseUri);
        var running = Assert.Single(await ollama.ListRunningModelsAsync());

        Assert.Equal("llama3.2:latest", running.Name);
        Assert.Equal(3_390_701_568, running.SizeVram);
        Assert.Equal(32_768, running.ContextLength);
        Assert.InRange(running.ExpiresAt.ToUniversalTime() - DateTime.UtcNow, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task StreamingGenerate_EndsWithTheDoneObjectAndMetrics()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var ollama = new OllamaApiClient(sim.Hosts[0].BaseUri);
        var chunks = new List<GenerateResponseStream?>();
        await foreach (var chunk in ollama.GenerateAsync(new GenerateRequest { Model = "llama3.2", Prompt = "Why is the sky blue?", Options = new RequestOptions { NumPredict = 3 } }))
        {
            chunks.Add(chunk);
        }

        Assert.Equal("The sky appears", string.Concat(chunks.Select(c => c!.Response)));
        var done = Assert.IsType<GenerateDoneResponseStream>(chunks[^1]);
        Assert.Equal("length", done.DoneReason);
        Assert.Equal(3, done.EvalCount);
        Assert.Equal(11, done.PromptEvalCount);
    }

    [Fact]
    public async Task StreamingChat_EndsWithTheDoneObject()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 4));
        using var ollama = new OllamaApiClient(sim.Hosts[0].BaseUri);
        var chunks = new List<ChatResponseStream?>();
        var request = new ChatRequest { Model = "llama3.2", Messages = [new Message(ChatRole.User, "Hello")] };
        await foreach (var chunk in ollama.ChatAsync(request))
        {
            chunks.Add(chunk);
        }

        Assert.Equal("The sky appears blue", string.Concat(chunks.Select(c => c!.Message.Content)));
        Assert.All(chunks, c => Assert.Equal(ChatRole.Assistant, c!.Message.Role));
        var done = Assert.IsType<ChatDoneResponseStream>(chunks[^1]);
        Assert.Equal("stop", done.DoneReason);
        Assert.Equal(4, done.EvalCount);
    }

    [Fact]
    public async Task Embed()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var ollama = new OllamaApiClient(sim.Hosts[0].BaseUri);
        var response = await ollama.EmbedAsync(new EmbedRequest { Model = "nomic-embed-text", Input = ["a", "b", "c"] });

        Assert.Equal(3, response.Embeddings.Count);
        Assert.All(response.Embeddings, e => Assert.Equal(768, e.Length));
        Assert.Equal(9, response.PromptEvalCount);
    }

    [Fact]
    public async Task UnknownModel_SurfacesOllamasError()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var ollama = new OllamaApiClient(sim.Hosts[0].BaseUri);

        // OllamaSharp reads error bodies only for some statuses; a 404 surfaces as the HTTP status, as with real Ollama.
        var error = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var unused in ollama.GenerateAsync(new GenerateRequest { Model = "nope", Prompt = "hi" }))
            {
            }
        });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}
