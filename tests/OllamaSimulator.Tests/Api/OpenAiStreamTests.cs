using System.Text.Json;
using OllamaSimulator.Inference;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

/// <summary>Streamed OpenAI answers as Ollama's middleware/openai.go writes them.</summary>
public sealed class OpenAiStreamTests
{
    private static string[] Events(string body) => body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

    private static JsonElement Data(string sseEvent) => JsonDocument.Parse(sseEvent["data: ".Length..]).RootElement;

    /// <summary>middleware/openai.go CompleteWriter.writeResponse: <c>c.Usage = &amp;openai.Usage{}</c> on every chunk; openai/openai.go CompletionChunk field order.</summary>
    [Fact]
    public async Task Completions_IncludeUsage_ZeroUsageOnEveryChunk_ThenTheUsageChunk()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 2));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/completions", "{\"model\":\"llama3.2\",\"prompt\":\"Say hi\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        var events = Events(reply.Body);
        Assert.Equal(5, events.Length);
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(Data).ToList();
        Assert.All(chunks, c => Assert.Equal(["id", "object", "created", "choices", "model", "system_fingerprint", "usage"], c.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            ["{\"text\":\"The\",\"index\":0,\"finish_reason\":null}", "{\"text\":\" sky\",\"index\":0,\"finish_reason\":null}", "{\"text\":\"\",\"index\":0,\"finish_reason\":\"stop\"}"],
            chunks[..3].Select(c => c.GetProperty("choices")[0].GetRawText()));
        Assert.All(chunks[..3], c => Assert.Equal("{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}", c.GetProperty("usage").GetRawText()));
        Assert.Equal("[]", chunks[3].GetProperty("choices").GetRawText());
        Assert.Equal(2, chunks[3].GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    /// <summary>openai/openai.go FromCompleteRequest leaves think unset; server/routes.go GenerateHandler then sets it for thinking models; ToCompleteChunk uses only <c>Response</c>, ToUsageGenerate <c>eval_count</c>.</summary>
    [Fact]
    public async Task Completions_ThinkingModel_ThinksInEmptyChunks_CompletionTokensCountTheThinking()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 2));
        using var client = sim.Hosts[0].Client();
        var whole = await client.PostAsync("/v1/completions", "{\"model\":\"deepseek-r1:8b\",\"prompt\":\"Say hi\"}");
        var streamed = await client.PostAsync("/v1/completions", "{\"model\":\"deepseek-r1:8b\",\"prompt\":\"Say hi\",\"stream\":true}");

        var thought = TokenText.Thought.Count;
        Assert.Equal("The sky", whole.Json.GetProperty("choices")[0].GetProperty("text").GetString());
        Assert.Equal(thought + 2, whole.Json.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        var texts = Events(streamed.Body)[..^1].Select(e => Data(e).GetProperty("choices")[0].GetProperty("text").GetString()).ToList();
        Assert.Equal([.. Enumerable.Repeat("", thought), "The", " sky", ""], texts);
    }

    /// <summary>server/routes.go GenerateHandler answers an empty prompt with the load reply; middleware/openai.go CompleteWriter streams it as a chunk and <c>[DONE]</c>.</summary>
    [Fact]
    public async Task Completions_EmptyPromptStreamed_IsSseWithTheLoadChunkAndDone()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/completions", "{\"model\":\"llama3.2\",\"prompt\":\"\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        Assert.Equal("text/event-stream", reply.ContentType);
        var events = Events(reply.Body);
        Assert.Equal(3, events.Length);
        Assert.Equal("{\"text\":\"\",\"index\":0,\"finish_reason\":\"load\"}", Data(events[0]).GetProperty("choices")[0].GetRawText());
        Assert.Equal("{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}", Data(events[1]).GetProperty("usage").GetRawText());
        Assert.Equal("data: [DONE]", events[2]);
    }

    /// <summary>
    /// server/routes.go streamResponse writes <c>{"error":...}</c> after the first chunk; middleware/openai.go
    /// ChatWriter.writeResponse decodes it as an empty ChatResponse (openai/openai.go toChunk): one more chunk,
    /// then the stream ends without finish chunk or <c>[DONE]</c>.
    /// </summary>
    [Fact]
    public async Task ChatCompletion_CrashAfterTheFirstChunk_OneEmptyChunk_NoFinish_NoDone()
    {
        var rest = await CrashMidStreamAsync("/v1/chat/completions", "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true,\"max_tokens\":100000}");

        var events = Events(rest);
        Assert.All(events[..^1], e => Assert.Contains("\"model\":\"llama3.2\",", e, StringComparison.Ordinal));
        Assert.All(events, e => Assert.EndsWith("\"finish_reason\":null}]}", e, StringComparison.Ordinal));
        Assert.Matches("^data: \\{\"id\":\"chatcmpl-[0-9]+\",\"object\":\"chat.completion.chunk\",\"created\":[0-9]+,\"model\":\"\",\"system_fingerprint\":\"fp_ollama\",\"choices\":\\[\\{\"index\":0,\"delta\":\\{\"content\":\"\"\\},\"finish_reason\":null\\}\\]\\}$", events[^1]);
    }

    /// <summary>The same for middleware/openai.go CompleteWriter.writeResponse (openai/openai.go ToCompleteChunk).</summary>
    [Fact]
    public async Task Completions_CrashAfterTheFirstChunk_OneEmptyChunk_NoDone()
    {
        var rest = await CrashMidStreamAsync("/v1/completions", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"stream\":true,\"max_tokens\":100000}");

        var events = Events(rest);
        Assert.All(events[..^1], e => Assert.EndsWith("\"finish_reason\":null}],\"model\":\"llama3.2\",\"system_fingerprint\":\"fp_ollama\"}", e, StringComparison.Ordinal));
        Assert.Matches("^data: \\{\"id\":\"cmpl-[0-9]+\",\"object\":\"text_completion\",\"created\":[0-9]+,\"choices\":\\[\\{\"text\":\"\",\"index\":0,\"finish_reason\":null\\}\\],\"model\":\"\",\"system_fingerprint\":\"fp_ollama\"\\}$", events[^1]);
    }

    /// <summary>Reads the first event, crashes the runner, returns everything after it.</summary>
    private static async Task<string> CrashMidStreamAsync(string path, string body)
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(tokensPerSecond: 50, responseTokens: 100_000));
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body) };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.StartsWith("data: {", await reader.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Equal("", await reader.ReadLineAsync());

        Assert.True(host.CrashRunner("llama3.2"));
        return await reader.ReadToEndAsync();
    }
}
