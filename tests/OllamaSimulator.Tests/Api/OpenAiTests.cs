using System.Text.Json;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

public sealed class OpenAiTests
{
    private const string Messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]";

    [Fact]
    public async Task ChatCompletion_NonStream_WithUsage()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 3));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/chat/completions", $"{{\"model\":\"llama3.2\",{Messages}}}");
        var json = reply.Json;

        Assert.Equal("application/json", reply.ContentType);
        Assert.EndsWith("}\n", reply.Body, StringComparison.Ordinal);
        Assert.Equal(["id", "object", "created", "model", "system_fingerprint", "choices", "usage"], json.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^chatcmpl-[0-9]{1,3}$", json.GetProperty("id").GetString()!);
        Assert.Equal("chat.completion", json.GetProperty("object").GetString());
        Assert.Equal("fp_ollama", json.GetProperty("system_fingerprint").GetString());
        Assert.Equal("{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"The sky appears\"},\"finish_reason\":\"stop\"}", json.GetProperty("choices")[0].GetRawText());
        Assert.Equal("{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}", json.GetProperty("usage").GetRawText());
    }

    [Fact]
    public async Task ChatCompletion_Stream_SseFraming_RoleFirst_FinishAlone_UsageOnlyWhenAsked_Done()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var withUsage = await client.PostAsync("/v1/chat/completions", $"{{\"model\":\"llama3.2\",{Messages},\"stream\":true,\"max_tokens\":2,\"stream_options\":{{\"include_usage\":true}}}}");
        var without = await client.PostAsync("/v1/chat/completions", $"{{\"model\":\"llama3.2\",{Messages},\"stream\":true,\"max_tokens\":2}}");

        Assert.Equal("text/event-stream", withUsage.ContentType);
        var events = withUsage.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.Equal(4, chunks.Count);
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Single(chunks.Select(c => c.GetProperty("created").GetInt64()).Distinct());
        Assert.Equal("{\"role\":\"assistant\",\"content\":\"The\"}", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetRawText());
        Assert.Equal("{\"content\":\" sky\"}", chunks[1].GetProperty("choices")[0].GetProperty("delta").GetRawText());
        Assert.Equal("{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}", chunks[2].GetProperty("choices")[0].GetRawText());
        Assert.Equal(0, chunks[3].GetProperty("choices").GetArrayLength());
        Assert.Equal(2, chunks[3].GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(4, without.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("usage", without.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"model\":\"llama3.2\",\"messages\":[]}", 400, "[] is too short - 'messages'", "invalid_request_error")]
    [InlineData("{\"model\":\"foo\"," + Messages + "}", 404, "model 'foo' not found", "not_found_error")]
    [InlineData("{\"model\":\"bad name\"," + Messages + "}", 400, "invalid model name", "invalid_request_error")]
    [InlineData("{\"model\":\"nomic-embed-text\"," + Messages + "}", 400, "\\\"nomic-embed-text\\\" does not support chat", "invalid_request_error")]
    [InlineData("{", 400, "unexpected EOF", "invalid_request_error")]
    public async Task ChatCompletion_Errors_UseTheOpenAiEnvelope(string body, int status, string message, string type)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/chat/completions", body);

        Assert.Equal(status, reply.Status);
        Assert.Equal($"{{\"error\":{{\"message\":\"{message}\",\"type\":\"{type}\",\"param\":null,\"code\":null}}}}", reply.Body.TrimEnd('\n'));
    }

    [Fact]
    public async Task Completions_NonStreamAndStream()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 2));
        using var client = sim.Hosts[0].Client();
        var whole = await client.PostAsync("/v1/completions", "{\"model\":\"llama3.2\",\"prompt\":\"Say hi\"}");
        var streamed = await client.PostAsync("/v1/completions", "{\"model\":\"llama3.2\",\"prompt\":\"Say hi\",\"stream\":true}");

        Assert.Equal("text_completion", whole.Json.GetProperty("object").GetString());
        Assert.Matches("^cmpl-[0-9]+$", whole.Json.GetProperty("id").GetString()!);
        Assert.Equal("{\"text\":\"The sky\",\"index\":0,\"finish_reason\":\"stop\"}", whole.Json.GetProperty("choices")[0].GetRawText());
        var events = streamed.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["data: [DONE]"], events[^1..]);
        Assert.Contains("\"finish_reason\":\"stop\"", events[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_ListsTheStore_NullDataWhenEmpty()
    {
        await using var full = await TestSimulator.StartAsync(o => o.With(models: [DefaultModels.Llama32]));
        await using var empty = await TestSimulator.StartAsync(o => o.With(models: []));
        using var fullClient = full.Hosts[0].Client();
        using var emptyClient = empty.Hosts[0].Client();

        Assert.Equal(
            $"{{\"object\":\"list\",\"data\":[{{\"id\":\"llama3.2:latest\",\"object\":\"model\",\"created\":{DefaultModels.Llama32.ModifiedAt.ToUnixTimeSeconds()},\"owned_by\":\"library\"}}]}}\n",
            (await fullClient.GetReplyAsync("/v1/models")).Body);
        Assert.Equal("{\"object\":\"list\",\"data\":null}\n", (await emptyClient.GetReplyAsync("/v1/models")).Body);
    }

    [Fact]
    public async Task Model_RetrieveEchoesTheId_UnknownIs404Envelope()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var found = await client.GetReplyAsync("/v1/models/llama3.2");
        var missing = await client.GetReplyAsync("/v1/models/nope");

        Assert.Equal("llama3.2", found.Json.GetProperty("id").GetString());
        Assert.Equal(404, missing.Status);
        Assert.Equal("not_found_error", missing.Json.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Embeddings_OpenAiShape_FloatAndBase64()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var floats = await client.PostAsync("/v1/embeddings", "{\"model\":\"nomic-embed-text\",\"input\":[\"a\",\"b\"]}");
        var base64 = await client.PostAsync("/v1/embeddings", "{\"model\":\"nomic-embed-text\",\"input\":\"a\",\"encoding_format\":\"base64\"}");

        Assert.Equal(["object", "data", "model", "usage"], floats.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, floats.Json.GetProperty("data")[1].GetProperty("index").GetInt32());
        Assert.Equal(768, floats.Json.GetProperty("data")[0].GetProperty("embedding").GetArrayLength());
        var bytes = Convert.FromBase64String(base64.Json.GetProperty("data")[0].GetProperty("embedding").GetString()!);
        Assert.Equal(768 * 4, bytes.Length);
        Assert.Equal(floats.Json.GetProperty("data")[0].GetProperty("embedding")[0].GetSingle(), BitConverter.ToSingle(bytes, 0));
    }

    /// <summary>middleware/openai.go EmbeddingsMiddleware: input "" is [""]; encoding_format is compared with strings.EqualFold.</summary>
    [Fact]
    public async Task Embeddings_EmptyStringInputIsOneInput_EncodingFormatIgnoresCase()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var empty = await client.PostAsync("/v1/embeddings", "{\"model\":\"nomic-embed-text\",\"input\":\"\"}");
        var upper = await client.PostAsync("/v1/embeddings", "{\"model\":\"nomic-embed-text\",\"input\":\"a\",\"encoding_format\":\"BASE64\"}");
        var wrong = await client.PostAsync("/v1/embeddings", "{\"model\":\"nomic-embed-text\",\"input\":\"a\",\"encoding_format\":\"hex\"}");
        var emptyList = await client.PostAsync("/v1/embeddings", "{\"model\":\"nomic-embed-text\",\"input\":[]}");

        Assert.Equal(200, empty.Status);
        Assert.Equal(768, Assert.Single(empty.Json.GetProperty("data").EnumerateArray()).GetProperty("embedding").GetArrayLength());
        Assert.Equal(768 * 4, Convert.FromBase64String(upper.Json.GetProperty("data")[0].GetProperty("embedding").GetString()!).Length);
        Assert.Equal(400, wrong.Status);
        Assert.Equal("Invalid value for 'encoding_format' = hex. Supported values: ['float', 'base64'].", wrong.Json.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("invalid input", emptyList.Json.GetProperty("error").GetProperty("message").GetString());
    }
}
