using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

public sealed class EmbedTests
{
    [Fact]
    public async Task Embed_BatchOfNormalisedVectors_WithMetrics()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":[\"why is the sky blue\",\"why is grass green\"]}");
        var embeddings = reply.Json.GetProperty("embeddings").EnumerateArray().ToList();

        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.Equal(["model", "embeddings", "total_duration", "load_duration", "prompt_eval_count"], reply.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("nomic-embed-text", reply.Json.GetProperty("model").GetString());
        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(768, e.GetArrayLength()));
        Assert.All(embeddings, e => Assert.Equal(1.0, Math.Sqrt(e.EnumerateArray().Sum(v => v.GetDouble() * v.GetDouble())), 5));
        Assert.NotEqual(embeddings[0].GetRawText(), embeddings[1].GetRawText());
        Assert.Equal(7 + 7, reply.Json.GetProperty("prompt_eval_count").GetInt32());
    }

    [Fact]
    public async Task Embed_IsDeterministic_AndDimensionsTruncate()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var first = await client.PostAsync("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":\"hello\"}");
        var second = await client.PostAsync("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":\"hello\"}");
        var small = await client.PostAsync("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":\"hello\",\"dimensions\":64}");

        Assert.Equal(first.Json.GetProperty("embeddings").GetRawText(), second.Json.GetProperty("embeddings").GetRawText());
        Assert.Equal(64, small.Json.GetProperty("embeddings")[0].GetArrayLength());
    }

    [Fact]
    public async Task Embed_EmptyInput_LoadsAndReturnsEmptyList()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        var reply = await client.PostAsync("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":\"\"}");

        Assert.Equal("{\"model\":\"nomic-embed-text\",\"embeddings\":[]}", reply.Body);
        Assert.Equal(ModelState.Loaded, host.GetModelState("nomic-embed-text").State);
    }

    [Theory]
    [InlineData("{\"model\":\"nomic-embed-text\",\"input\":[\"a\",1]}", 400, "invalid input type")]
    [InlineData("{\"model\":\"nomic-embed-text\",\"input\":5}", 400, "invalid input type")]
    [InlineData("{\"input\":\"a\"}", 404, "model '' not found")]
    [InlineData("{\"model\":\"bad name\",\"input\":\"a\"}", 400, "invalid model name")]
    [InlineData("{\"model\":\"foo\",\"input\":\"a\"}", 404, "model \\\"foo\\\" not found, try pulling it first")]
    [InlineData("{\"model\":\"nomic-embed-text\",\"input\":\"longer than four tokens\",\"truncate\":false,\"options\":{\"num_ctx\":4}}", 400, "the input length exceeds the context length")]
    [InlineData("", 400, "missing request body")]
    public async Task Embed_Errors(string body, int status, string message)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/embed", body);

        Assert.Equal(status, reply.Status);
        Assert.Equal($"{{\"error\":\"{message}\"}}", reply.Body);
    }

    [Fact]
    public async Task Embeddings_Legacy_SingleRawVector()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/embeddings", "{\"model\":\"nomic-embed-text\",\"prompt\":\"hello\"}");
        var vector = reply.Json.GetProperty("embedding");

        Assert.Equal(["embedding"], reply.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(768, vector.GetArrayLength());
        Assert.NotEqual(1.0, Math.Sqrt(vector.EnumerateArray().Sum(v => v.GetDouble() * v.GetDouble())), 3);
    }

    [Theory]
    [InlineData("{\"model\":\"nomic-embed-text\"}", 200, "{\"embedding\":[]}")]
    [InlineData("{\"prompt\":\"a\"}", 400, "{\"error\":\"model is required\"}")]
    [InlineData("{\"model\":\"bad name\",\"prompt\":\"a\"}", 400, "{\"error\":\"invalid model name\"}")]
    [InlineData("{\"model\":\"foo\",\"prompt\":\"a\"}", 404, "{\"error\":\"model \\\"foo\\\" not found, try pulling it first\"}")]
    public async Task Embeddings_Legacy_EdgeCases(string body, int status, string expected)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/embeddings", body);

        Assert.Equal(status, reply.Status);
        Assert.Equal(expected, reply.Body);
    }
}
