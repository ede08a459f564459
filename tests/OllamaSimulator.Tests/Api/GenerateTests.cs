using System.Text.Json;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

public sealed class GenerateTests
{
    private static readonly string[] Metrics = ["total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration", "eval_count", "eval_duration"];

    [Fact]
    public async Task Stream_IsNdjson_IntermediatesBare_FinalWithReasonContextAndMetrics()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(loadTime: TimeSpan.FromMilliseconds(30)));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"Why is the sky blue?\",\"options\":{\"num_predict\":5}}");
        var lines = reply.JsonLines;

        Assert.Equal(200, reply.Status);
        Assert.Equal("application/x-ndjson", reply.ContentType);
        Assert.True(reply.Chunked);
        Assert.EndsWith("\n", reply.Body, StringComparison.Ordinal);
        Assert.Equal(6, lines.Count);
        foreach (var line in lines.Take(5))
        {
            Assert.Equal(["model", "created_at", "response", "done"], line.EnumerateObject().Select(p => p.Name));
            Assert.Equal("llama3.2", line.GetProperty("model").GetString());
            Assert.False(line.GetProperty("done").GetBoolean());
        }

        Assert.Equal("The sky appears blue because", string.Concat(lines.Take(5).Select(l => l.GetProperty("response").GetString())));
        var final = lines[^1];
        Assert.Equal(["model", "created_at", "response", "done", "done_reason", "context", .. Metrics], final.EnumerateObject().Select(p => p.Name));
        Assert.Equal("length", final.GetProperty("done_reason").GetString());
        Assert.Equal("", final.GetProperty("response").GetString());
        Assert.Equal(5, final.GetProperty("eval_count").GetInt32());
        // 20 bytes of prompt at ~4 bytes a token, plus 6 template tokens.
        Assert.Equal(11, final.GetProperty("prompt_eval_count").GetInt32());
        Assert.Equal(5 * 1_000_000_000L / 2000, final.GetProperty("eval_duration").GetInt64());
        Assert.True(final.GetProperty("load_duration").GetInt64() >= 30_000_000);
        var sum = Metrics.Where(m => m.EndsWith("duration", StringComparison.Ordinal) && m != "total_duration").Sum(m => final.GetProperty(m).GetInt64());
        Assert.True(final.GetProperty("total_duration").GetInt64() >= sum);
        Assert.Equal(11 + 5, final.GetProperty("context").GetArrayLength());
        Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", l.GetProperty("created_at").GetString()!));
    }

    [Fact]
    public async Task NonStream_IsOneObject_WithTheWholeResponse()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 4));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/generate", "{\"model\":\"LLAMA3.2:latest\",\"prompt\":\"hi\",\"stream\":false}");

        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.False(reply.Chunked);
        Assert.Equal("LLAMA3.2:latest", reply.Json.GetProperty("model").GetString());
        Assert.Equal("The sky appears blue", reply.Json.GetProperty("response").GetString());
        Assert.Equal("stop", reply.Json.GetProperty("done_reason").GetString());
        Assert.True(reply.Json.GetProperty("done").GetBoolean());
    }

    [Fact]
    public async Task NumPredictOne_AsProbesUse_GivesOneTokenAndLength()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"options\":{\"num_predict\":1}}");

        Assert.Equal(2, reply.Lines.Length);
        Assert.Equal(1, reply.JsonLines[1].GetProperty("eval_count").GetInt32());
        Assert.Equal("length", reply.JsonLines[1].GetProperty("done_reason").GetString());
    }

    [Fact]
    public async Task StopSequence_EndsTheAnswerWithStop()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"stream\":false,\"options\":{\"stop\":[\"blue\"]}}");

        Assert.Equal("The sky appears", reply.Json.GetProperty("response").GetString());
        Assert.Equal("stop", reply.Json.GetProperty("done_reason").GetString());
    }

    [Fact]
    public async Task EmptyPrompt_Loads_SingleJsonObjectEvenWhenStreaming()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        var reply = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"stream\":true}");

        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.Equal(["model", "created_at", "response", "done", "done_reason"], reply.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("load", reply.Json.GetProperty("done_reason").GetString());
        Assert.Equal(ModelState.Loaded, host.GetModelState("llama3.2").State);
    }

    [Fact]
    public async Task EmptyPromptKeepAliveZero_Unloads_AndTheModelLeavesPs()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        await host.LoadAsync("llama3.2");
        var reply = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"keep_alive\":0}");

        Assert.Equal("unload", reply.Json.GetProperty("done_reason").GetString());
        Assert.Equal("{\"models\":[]}", (await client.GetReplyAsync("/api/ps")).Body);
        Assert.Equal(1, host.GetModelState("llama3.2").Unloads);
    }

    [Fact]
    public async Task KeepAliveZeroWithPrompt_RunsThenUnloads()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"keep_alive\":\"0s\",\"stream\":false}");

        Assert.Equal("stop", reply.Json.GetProperty("done_reason").GetString());
        Assert.Equal("{\"models\":[]}", (await client.GetReplyAsync("/api/ps")).Body);
    }

    [Fact]
    public async Task ThinkingModel_ThinksByDefault_ThinkFalseDoesNot()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 3));
        using var client = sim.Hosts[0].Client();
        var thinking = await client.PostAsync("/api/generate", "{\"model\":\"deepseek-r1:8b\",\"prompt\":\"hi\",\"stream\":false}");
        var plain = await client.PostAsync("/api/generate", "{\"model\":\"deepseek-r1:8b\",\"prompt\":\"hi\",\"stream\":false,\"think\":false}");

        Assert.StartsWith("Okay, the user asks", thinking.Json.GetProperty("thinking").GetString(), StringComparison.Ordinal);
        Assert.Equal("The sky appears", thinking.Json.GetProperty("response").GetString());
        Assert.False(plain.Json.TryGetProperty("thinking", out _));
    }

    [Fact]
    public async Task Format_GivesAnswerThatParsesAsJson()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\",\"stream\":false,\"format\":\"json\"}");

        var answer = JsonDocument.Parse(reply.Json.GetProperty("response").GetString()!).RootElement;
        Assert.Equal("The sky is blue because of Rayleigh scattering.", answer.GetProperty("answer").GetString());
    }

    [Theory]
    [InlineData("", 400, "missing request body")]
    [InlineData("   ", 400, "missing request body")]
    [InlineData("{\"model\":", 400, "unexpected EOF")]
    [InlineData("not json", 400, "invalid character 'o' in literal null (expecting 'u')")]
    [InlineData("{\"model\":42}", 400, "json: cannot unmarshal number into Go struct field GenerateRequest.model of type string")]
    [InlineData("{}", 404, "model '' not found")]
    [InlineData("{\"model\":\"foo\"}", 404, "model 'foo' not found")]
    [InlineData("{\"model\":\"bad name\"}", 400, "invalid model name")] // server/model_resolver.go parseAndValidateModelRef
    [InlineData("{\"model\":\"nomic-embed-text\",\"prompt\":\"x\"}", 400, "\\\"nomic-embed-text\\\" does not support generate")]
    [InlineData("{\"model\":\"llama3.2\",\"prompt\":\"x\",\"think\":true}", 400, "\\\"llama3.2\\\" does not support thinking")]
    [InlineData("{\"model\":\"llama3.2\",\"think\":\"x\"}", 400, "invalid think value: \\\"x\\\" (must be \\\"high\\\", \\\"medium\\\", \\\"low\\\", \\\"max\\\", true, or false)")]
    [InlineData("{\"model\":\"llama3.2\",\"keep_alive\":\"300\"}", 400, "time: missing unit in duration \\\"300\\\"")]
    [InlineData("{\"model\":\"llama3.2\",\"keep_alive\":true}", 400, "Unsupported type: 'bool'")]
    [InlineData("{\"model\":\"llama3.2\",\"top_logprobs\":21}", 400, "top_logprobs must be between 0 and 20")]
    [InlineData("{\"model\":\"llama3.2\",\"raw\":true,\"system\":\"s\"}", 400, "raw mode does not support template, system, or context")]
    [InlineData("{\"model\":\"llama3.2\",\"prompt\":\"x\",\"options\":{\"temperature\":\"hot\"}}", 500, "option \\\"temperature\\\" must be of type float32")]
    [InlineData("{\"model\":\"llama3.2\",\"prompt\":\"x\",\"options\":{\"num_predict\":\"1\"}}", 500, "option \\\"num_predict\\\" must be of type integer")]
    public async Task Errors_HaveOllamasStatusAndText(string body, int status, string message)
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        var reply = await client.PostAsync("/api/generate", body);

        Assert.Equal(status, reply.Status);
        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.Equal($"{{\"error\":\"{message}\"}}", reply.Body);
        Assert.Equal(0, host.Counters.Loads);
    }

    [Fact]
    public async Task CloudModel_IsNotRunLocally()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        var reply = await client.PostAsync("/api/generate", "{\"model\":\"gpt-oss:120b-cloud\",\"prompt\":\"hi\"}");

        Assert.Equal(401, reply.Status);
        Assert.Equal("unauthorized", reply.Error);
        Assert.StartsWith("https://ollama.com/connect?", reply.Json.GetProperty("signin_url").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Counters.Loads);
    }
}
