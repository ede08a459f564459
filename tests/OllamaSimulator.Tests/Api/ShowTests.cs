using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

public sealed class ShowTests
{
    [Fact]
    public async Task Show_ReturnsOllamaFieldsInOrder_WithoutLoading()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        var reply = await client.PostAsync("/api/show", "{\"model\":\"llama3.2\"}");
        var keys = reply.Json.EnumerateObject().Select(p => p.Name);

        Assert.Equal(200, reply.Status);
        Assert.Equal(["modelfile", "parameters", "template", "details", "model_info", "tensors", "capabilities", "modified_at"], keys);
        Assert.Equal("stop                           \"<|eot_id|>\"", reply.Json.GetProperty("parameters").GetString());
        var info = reply.Json.GetProperty("model_info");
        Assert.Equal("llama", info.GetProperty("general.architecture").GetString());
        Assert.Equal(131072, info.GetProperty("llama.context_length").GetInt32());
        Assert.Equal(3072, info.GetProperty("llama.embedding_length").GetInt32());
        Assert.Equal(0, info.GetProperty("tokenizer.ggml.tokens").GetArrayLength());
        Assert.Equal(info.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), info.EnumerateObject().Select(p => p.Name));
        Assert.Equal(ModelState.Absent, host.GetModelState("llama3.2").State);
        Assert.Equal(0, host.Counters.Loads);
    }

    [Fact]
    public async Task Show_Verbose_KeepsLongArrays_LegacyNameAccepted()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/show", "{\"name\":\"llama3.2\",\"verbose\":true}");

        Assert.Equal(8, reply.Json.GetProperty("model_info").GetProperty("tokenizer.ggml.tokens").GetArrayLength());
    }

    [Theory]
    [InlineData("{}", 400, "model is required")]
    [InlineData("{\"model\":\"foo\"}", 404, "model 'foo:latest' not found")]
    [InlineData("{\"model\":\"bad name\"}", 400, "invalid model name")]
    [InlineData("", 400, "missing request body")]
    public async Task Show_Errors(string body, int status, string message)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/show", body);

        Assert.Equal(status, reply.Status);
        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.Equal($"{{\"error\":\"{message}\"}}", reply.Body);
    }
}
