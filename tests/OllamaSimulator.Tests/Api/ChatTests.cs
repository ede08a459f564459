using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

public sealed class ChatTests
{
    private const string Messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]";

    [Fact]
    public async Task Stream_MessagesInOrder_FinalWithMetricsAndNoContext()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/chat", $"{{\"model\":\"llama3.2\",{Messages},\"options\":{{\"num_predict\":2}}}}");
        var lines = reply.JsonLines;

        Assert.Equal("application/x-ndjson", reply.ContentType);
        Assert.Equal(3, lines.Count);
        Assert.Equal("{\"role\":\"assistant\",\"content\":\"The\"}", lines[0].GetProperty("message").GetRawText());
        Assert.Equal(["model", "created_at", "message", "done"], lines[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["model", "created_at", "message", "done", "done_reason", "total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration", "eval_count", "eval_duration"],
            lines[2].EnumerateObject().Select(p => p.Name));
        Assert.Equal("{\"role\":\"assistant\",\"content\":\"\"}", lines[2].GetProperty("message").GetRawText());
    }

    [Fact]
    public async Task NonStream_ConcatenatesContentAndThinking()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 2));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/chat", $"{{\"model\":\"deepseek-r1:8b\",{Messages},\"stream\":false}}");
        var message = reply.Json.GetProperty("message");

        Assert.Equal("The sky", message.GetProperty("content").GetString());
        Assert.StartsWith("Okay,", message.GetProperty("thinking").GetString(), StringComparison.Ordinal);
        Assert.Equal("stop", reply.Json.GetProperty("done_reason").GetString());
    }

    /// <summary>server/routes.go ChatHandler: no messages and <c>keep_alive</c> exactly 0 unloads; 0.5 s is a load.</summary>
    [Fact]
    public async Task NoMessages_Loads_AndOnlyKeepAliveZero_Unloads()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        var load = await client.PostAsync("/api/chat", "{\"model\":\"llama3.2\",\"messages\":[]}");
        var halfSecond = await client.PostAsync("/api/chat", "{\"model\":\"llama3.2\",\"keep_alive\":0.5}");
        var unload = await client.PostAsync("/api/chat", "{\"model\":\"llama3.2\",\"keep_alive\":0}");

        Assert.Equal("{\"role\":\"assistant\",\"content\":\"\"}", load.Json.GetProperty("message").GetRawText());
        Assert.Equal("load", load.Json.GetProperty("done_reason").GetString());
        Assert.Equal("load", halfSecond.Json.GetProperty("done_reason").GetString());
        Assert.Equal("unload", unload.Json.GetProperty("done_reason").GetString());
        Assert.Equal(ModelState.Absent, host.GetModelState("llama3.2").State);
    }

    [Theory]
    [InlineData("{}", 400, "model is required")]
    [InlineData("{\"model\":\"bad name\"}", 400, "invalid model name")] // server/model_resolver.go parseAndValidateModelRef
    [InlineData("{\"model\":\"foo\"}", 404, "model 'foo' not found")]
    [InlineData("{\"model\":\"nomic-embed-text\"," + Messages + "}", 400, "\\\"nomic-embed-text\\\" does not support chat")]
    [InlineData("{\"model\":\"gemma3:4b\"," + Messages + ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}", 400, "registry.ollama.ai/library/gemma3:4b does not support tools")]
    [InlineData("{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":1}]}", 400, "json: cannot unmarshal number into Go struct field Message.messages.content of type string")]
    public async Task Errors_HaveOllamasStatusAndText(string body, int status, string message)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/chat", body);

        Assert.Equal(status, reply.Status);
        Assert.Equal($"{{\"error\":\"{message}\"}}", reply.Body);
    }
}
