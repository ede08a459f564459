using System.Text.Json;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

/// <summary><c>POST /v1/messages</c> as middleware/anthropic.go and anthropic/anthropic.go answer it.</summary>
public sealed class AnthropicMessagesTests
{
    private const string Messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]";

    private static List<(string Name, JsonElement Data)> Events(string body) =>
        [.. body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e =>
        {
            var lines = e.Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("event: ", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("data: ", lines[1], StringComparison.Ordinal);
            return (lines[0]["event: ".Length..], JsonDocument.Parse(lines[1]["data: ".Length..]).RootElement);
        })];

    /// <summary>anthropic.go ToMessagesResponse: struct field order, stop_reason mapped, usage from the final metrics.</summary>
    [Fact]
    public async Task NonStream_MessageObject()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 3));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/messages", $"{{\"model\":\"llama3.2\",\"max_tokens\":100,{Messages}}}");
        var json = reply.Json;

        Assert.Equal(200, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.EndsWith("}\n", reply.Body, StringComparison.Ordinal);
        Assert.Equal(["id", "type", "role", "model", "content", "stop_reason", "usage"], json.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^msg_[0-9a-f]{24}$", json.GetProperty("id").GetString()!);
        Assert.Equal("{\"type\":\"text\",\"text\":\"The sky appears\"}", json.GetProperty("content")[0].GetRawText());
        Assert.Equal("end_turn", json.GetProperty("stop_reason").GetString());
        Assert.Equal("{\"input_tokens\":7,\"output_tokens\":3}", json.GetProperty("usage").GetRawText());
    }

    /// <summary>
    /// anthropic.go StreamConverter.Process: message_start (estimated input tokens, len/4 of role and
    /// text), thinking block, text block, message_delta with the counted usage, message_stop;
    /// middleware/anthropic.go writeSSE frames each as "event: …\ndata: …\n\n".
    /// </summary>
    [Fact]
    public async Task Stream_EventSequence_ThinkingThenText_UsageInMessageDelta()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 2));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/messages", $"{{\"model\":\"deepseek-r1:8b\",\"max_tokens\":100,\"stream\":true,{Messages}}}");
        var events = Events(reply.Body);

        Assert.Equal("text/event-stream", reply.ContentType);
        var names = events.Select(e => e.Name).ToList();
        var thinkingDeltas = names.Count(n => n == "content_block_delta") - 2;
        Assert.Equal(
            ["message_start", "content_block_start", .. Enumerable.Repeat("content_block_delta", thinkingDeltas), "content_block_stop", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            names);
        Assert.All(events, e => Assert.Equal(e.Name, e.Data.GetProperty("type").GetString()));
        var start = events[0].Data.GetProperty("message");
        Assert.Equal("{\"type\":\"message_start\",\"message\":{\"id\":\"" + start.GetProperty("id").GetString() + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"deepseek-r1:8b\",\"content\":[],\"usage\":{\"input_tokens\":2,\"output_tokens\":0}}}", events[0].Data.GetRawText());
        Assert.Equal("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}", events[1].Data.GetRawText());
        Assert.StartsWith("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Okay", events[2].Data.GetRawText(), StringComparison.Ordinal);
        var text = events.FindIndex(e => e.Name == "content_block_start" && e.Data.GetProperty("index").GetInt32() == 1);
        Assert.Equal("{\"type\":\"content_block_stop\",\"index\":0}", events[text - 1].Data.GetRawText());
        Assert.Equal("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}", events[text].Data.GetRawText());
        Assert.Equal("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"The\"}}", events[text + 1].Data.GetRawText());
        Assert.Equal("{\"type\":\"content_block_stop\",\"index\":1}", events[^3].Data.GetRawText());
        Assert.Equal($"{{\"type\":\"message_delta\",\"delta\":{{\"stop_reason\":\"end_turn\"}},\"usage\":{{\"input_tokens\":7,\"output_tokens\":{thinkingDeltas + 2}}}}}", events[^2].Data.GetRawText());
        Assert.Equal("{\"type\":\"message_stop\"}", events[^1].Data.GetRawText());
    }

    /// <summary>anthropic.go FromMessagesRequest: max_tokens becomes num_predict; mapStopReason "length" → "max_tokens".</summary>
    [Fact]
    public async Task MaxTokens_IsNumPredict_StopReasonMaxTokens()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/messages", $"{{\"model\":\"llama3.2\",\"max_tokens\":2,{Messages}}}");

        Assert.Equal("max_tokens", reply.Json.GetProperty("stop_reason").GetString());
        Assert.Equal("{\"input_tokens\":7,\"output_tokens\":2}", reply.Json.GetProperty("usage").GetRawText());
    }

    /// <summary>anthropic.go FromMessagesRequest: thinking "disabled" sets think false.</summary>
    [Fact]
    public async Task ThinkingDisabled_NoThinkingBlock()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 2));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/messages", $"{{\"model\":\"deepseek-r1:8b\",\"max_tokens\":100,\"thinking\":{{\"type\":\"disabled\"}},{Messages}}}");

        Assert.Equal("[{\"type\":\"text\",\"text\":\"The sky\"}]", reply.Json.GetProperty("content").GetRawText());
    }

    /// <summary>
    /// middleware/anthropic.go: the middleware's own 400s (AbortWithStatusJSON) and the chat handler's
    /// errors (AnthropicWriter.writeError) in anthropic.NewError's shape with a req_ id.
    /// </summary>
    [Theory]
    [InlineData("{\"max_tokens\":10," + Messages + "}", 400, "invalid_request_error", "model is required")]
    [InlineData("{\"model\":\"llama3.2\"," + Messages + "}", 400, "invalid_request_error", "max_tokens is required and must be positive")]
    [InlineData("{\"model\":\"llama3.2\",\"max_tokens\":10,\"messages\":[]}", 400, "invalid_request_error", "messages is required")]
    [InlineData("{\"model\":\"llama3.2\",\"max_tokens\":\"x\"," + Messages + "}", 400, "invalid_request_error", "json: cannot unmarshal string into Go struct field MessagesRequest.max_tokens of type int")]
    [InlineData("{\"model\":\"nope\",\"max_tokens\":10," + Messages + "}", 404, "not_found_error", "model 'nope' not found")]
    public async Task Errors_AnthropicShape(string body, int status, string type, string message)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/messages", body);
        var json = reply.Json;

        Assert.Equal(status, reply.Status);
        Assert.Equal(["type", "error", "request_id"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("error", json.GetProperty("type").GetString());
        Assert.Equal($"{{\"type\":\"{type}\",\"message\":\"{message}\"}}", json.GetProperty("error").GetRawText());
        Assert.Matches("^req_[0-9a-f]{24}$", json.GetProperty("request_id").GetString()!);
    }
}
