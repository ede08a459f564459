using System.Text.Json;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

/// <summary><c>POST /v1/responses</c> as middleware/openai.go ResponsesMiddleware and openai/responses.go answer it.</summary>
public sealed class ResponsesTests
{
    private static List<(string Name, JsonElement Data)> Events(string body) =>
        [.. body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e =>
        {
            var lines = e.Split('\n');
            Assert.Equal(2, lines.Length);
            return (lines[0]["event: ".Length..], JsonDocument.Parse(lines[1]["data: ".Length..]).RootElement);
        })];

    /// <summary>responses.go ToResponse: struct field order, one message item, usage with details; not streamed by default.</summary>
    [Fact]
    public async Task NonStream_ResponseObject()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 3));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/responses", "{\"model\":\"llama3.2\",\"input\":\"Hello\",\"instructions\":\"Be brief\"}");
        var json = reply.Json;

        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(
            ["id", "object", "created_at", "completed_at", "status", "incomplete_details", "model", "previous_response_id", "instructions", "output", "error", "tools", "tool_choice",
             "truncation", "parallel_tool_calls", "text", "top_p", "presence_penalty", "frequency_penalty", "top_logprobs", "temperature", "reasoning", "usage", "max_output_tokens",
             "max_tool_calls", "store", "background", "service_tier", "metadata", "safety_identifier", "prompt_cache_key"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^resp_[0-9]+$", json.GetProperty("id").GetString()!);
        Assert.Equal("Be brief", json.GetProperty("instructions").GetString());
        var item = json.GetProperty("output")[0];
        Assert.Matches("^msg_[0-9]+$", item.GetProperty("id").GetString()!);
        Assert.Equal(
            "{\"id\":\"" + item.GetProperty("id").GetString() + "\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"The sky appears\",\"annotations\":[],\"logprobs\":[]}]}",
            item.GetRawText());
        Assert.Equal("{\"input_tokens\":13,\"output_tokens\":3,\"total_tokens\":16,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens_details\":{\"reasoning_tokens\":0}}", json.GetProperty("usage").GetRawText());
        Assert.Equal("{\"format\":{\"type\":\"text\"}}", json.GetProperty("text").GetRawText());
        Assert.Equal((1.0, 1.0, "disabled"), (json.GetProperty("temperature").GetDouble(), json.GetProperty("top_p").GetDouble(), json.GetProperty("truncation").GetString()));
    }

    /// <summary>
    /// responses.go ResponsesStreamConverter: created, in_progress, the reasoning item and its summary
    /// deltas, the message item, content part and text deltas, their done events, then completed with
    /// the usage; data are Go maps (sorted keys) numbered by sequence_number.
    /// </summary>
    [Fact]
    public async Task Stream_EventSequence_ReasoningThenMessage_UsageInCompleted()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 2));
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/responses", "{\"model\":\"deepseek-r1:8b\",\"input\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"stream\":true}");
        var events = Events(reply.Body);

        Assert.Equal("text/event-stream", reply.ContentType);
        var names = events.Select(e => e.Name).ToList();
        var thinking = names.Count(n => n == "response.reasoning_summary_text.delta");
        Assert.True(thinking > 0);
        Assert.Equal(
            ["response.created", "response.in_progress", "response.output_item.added", .. Enumerable.Repeat("response.reasoning_summary_text.delta", thinking),
             "response.reasoning_summary_text.done", "response.output_item.done", "response.output_item.added", "response.content_part.added",
             "response.output_text.delta", "response.output_text.delta", "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed"],
            names);
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.Data.GetProperty("sequence_number").GetInt32()));
        Assert.All(events, e => Assert.Equal(e.Name, e.Data.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal(e.Data.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), e.Data.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("in_progress", events[0].Data.GetProperty("response").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, events[0].Data.GetProperty("response").GetProperty("usage").ValueKind);
        var reasoning = events[2].Data.GetProperty("item");
        Assert.Equal("{\"id\":\"" + reasoning.GetProperty("id").GetString() + "\",\"summary\":[],\"type\":\"reasoning\"}", reasoning.GetRawText());
        var firstText = names.IndexOf("response.output_text.delta");
        var itemId = events[firstText].Data.GetProperty("item_id").GetString();
        Assert.Equal($"{{\"content_index\":0,\"delta\":\"The\",\"item_id\":\"{itemId}\",\"logprobs\":[],\"output_index\":1,\"sequence_number\":{firstText},\"type\":\"response.output_text.delta\"}}", events[firstText].Data.GetRawText());
        var completed = events[^1].Data.GetProperty("response");
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(["reasoning", "message"], completed.GetProperty("output").EnumerateArray().Select(i => i.GetProperty("type").GetString()));
        Assert.Equal($"{{\"input_tokens\":7,\"input_tokens_details\":{{\"cached_tokens\":0}},\"output_tokens\":{thinking + 2},\"output_tokens_details\":{{\"reasoning_tokens\":0}},\"total_tokens\":{thinking + 9}}}", completed.GetProperty("usage").GetRawText());
    }

    /// <summary>openai.go thinkFromReasoningEffort: "none" turns thinking off; max_output_tokens becomes num_predict.</summary>
    [Fact]
    public async Task EffortNone_NoReasoning_MaxOutputTokensLimits()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/responses", "{\"model\":\"deepseek-r1:8b\",\"input\":\"Hello\",\"reasoning\":{\"effort\":\"none\"},\"max_output_tokens\":2}");
        var json = reply.Json;

        Assert.Equal(["message"], json.GetProperty("output").EnumerateArray().Select(i => i.GetProperty("type").GetString()));
        Assert.Equal("The sky", json.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(2, json.GetProperty("max_output_tokens").GetInt32());
        Assert.Equal("{\"effort\":\"none\"}", json.GetProperty("reasoning").GetRawText());
    }

    /// <summary>middleware/openai.go: bind and conversion errors as openai.NewError 400s, the chat handler's in the same envelope.</summary>
    [Theory]
    [InlineData("{\"model\":\"nope\",\"input\":\"Hello\"}", 404, "model 'nope' not found", "not_found_error")]
    [InlineData("{\"model\":\"llama3.2\",\"input\":5}", 400, "input must be a string or array: json: cannot unmarshal number into Go value of type []json.RawMessage", "invalid_request_error")]
    [InlineData("{\"model\":\"llama3.2\",\"input\":\"Hello\",\"reasoning\":{\"effort\":\"huge\"}}", 400, "invalid reasoning value: \\\"huge\\\" (must be \\\"minimal\\\", \\\"low\\\", \\\"medium\\\", \\\"high\\\", \\\"xhigh\\\", \\\"ultra\\\", \\\"max\\\", or \\\"none\\\")", "invalid_request_error")]
    [InlineData("{\"model\":\"llama3.2\",\"input\":\"Hello\",\"reasoning\":{\"effort\":\"high\"}}", 400, "\\\"llama3.2\\\" does not support thinking", "invalid_request_error")]
    public async Task Errors_OpenAiEnvelope(string body, int status, string message, string type)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.PostAsync("/v1/responses", body);

        Assert.Equal(status, reply.Status);
        Assert.Equal($"{{\"error\":{{\"message\":\"{message}\",\"type\":\"{type}\",\"param\":null,\"code\":null}}}}", reply.Body.TrimEnd('\n'));
    }
}
