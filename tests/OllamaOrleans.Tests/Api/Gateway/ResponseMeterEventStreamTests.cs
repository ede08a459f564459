using System.Text;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

/// <summary>The response meter on Anthropic Messages, OpenAI Responses and transcription answers.</summary>
public sealed class ResponseMeterEventStreamTests
{
    private static (ResponseMeter Meter, string Forwarded) Run(MeteredEndpoint endpoint, string contentType, bool complete, params string[] chunks)
    {
        // The clock reads 10 ms per chunk: chunk n arrives at n × 10 ms.
        var now = TimeSpan.Zero;
        var meter = new ResponseMeter(endpoint, false, () => now);
        meter.Begin(contentType);
        var forwarded = new StringBuilder();
        foreach (var chunk in chunks)
        {
            now += TimeSpan.FromMilliseconds(10);
            forwarded.Append(Encoding.UTF8.GetString(meter.Process(Encoding.UTF8.GetBytes(chunk)).Span));
        }

        forwarded.Append(Encoding.UTF8.GetString(meter.End(complete).Span));
        return (meter, forwarded.ToString());
    }

    private static string Event(string name, string data) => $"event: {name}\ndata: {data}\n\n";

    private static readonly string[] Anthropic =
    [
        Event("message_start", """{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"qwen3","content":[],"usage":{"input_tokens":2,"output_tokens":0}}}"""),
        Event("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}"""),
        Event("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Hmm"}}"""),
        Event("content_block_stop", """{"type":"content_block_stop","index":0}"""),
        Event("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"input_tokens":26,"output_tokens":8}}"""),
        Event("message_stop", """{"type":"message_stop"}"""),
    ];

    [Fact]
    public void AnthropicStream_SplitAcrossChunks_ForwardsEverything_FirstContentAtTheThinkingDelta()
    {
        var all = string.Concat(Anthropic);
        var cut = all.IndexOf("Hmm", StringComparison.Ordinal);

        var (meter, forwarded) = Run(MeteredEndpoint.AnthropicMessages, "text/event-stream", true, all[..cut], all[cut..]);

        Assert.Equal(all, forwarded);
        Assert.Equal((26L, 8L, "stop", (string?)null), (meter.PromptTokens, meter.GenerationTokens, meter.DoneReason, meter.Failure));
        Assert.Equal(TimeSpan.FromMilliseconds(20), meter.FirstContent);
    }

    [Fact]
    public void AnthropicStream_WithoutMessageStop_IsTruncated() =>
        Assert.Equal("truncated", Run(MeteredEndpoint.AnthropicMessages, "text/event-stream", true, Anthropic[..3]).Meter.Failure);

    [Fact]
    public void AnthropicStream_ErrorEvent_IsAStreamError() =>
        Assert.Equal("stream_error", Run(MeteredEndpoint.AnthropicMessages, "text/event-stream", true, Anthropic[0], Event("error", """{"type":"error","error":{"type":"api_error","message":"boom"}}""")).Meter.Failure);

    [Fact]
    public void AnthropicBody_ReadsUsage()
    {
        var (meter, _) = Run(MeteredEndpoint.AnthropicMessages, "application/json", true, """{"id":"msg_1","type":"message","role":"assistant","model":"llama3.2","content":[{"type":"text","text":"Hi"}],"stop_reason":"max_tokens","usage":{"input_tokens":12,"output_tokens":5}}""" + "\n");

        Assert.Equal((12L, 5L, "length", (string?)null), (meter.PromptTokens, meter.GenerationTokens, meter.DoneReason, meter.Failure));
    }

    [Fact]
    public void ResponsesStream_CountsResponseCompleted()
    {
        var created = Event("response.created", """{"response":{"id":"resp_1","status":"in_progress","usage":null},"sequence_number":0,"type":"response.created"}""");
        var text = Event("response.output_text.delta", """{"content_index":0,"delta":"Hi","item_id":"msg_1","logprobs":[],"output_index":0,"sequence_number":4,"type":"response.output_text.delta"}""");
        var completed = Event("response.completed", """{"response":{"id":"resp_1","status":"completed","usage":{"input_tokens":26,"output_tokens":9,"total_tokens":35}},"sequence_number":9,"type":"response.completed"}""");

        var (meter, forwarded) = Run(MeteredEndpoint.OpenAiResponses, "text/event-stream", true, created, text, completed);

        Assert.Equal(created + text + completed, forwarded);
        Assert.Equal((26L, 9L, (string?)null, (string?)null), (meter.PromptTokens, meter.GenerationTokens, meter.DoneReason, meter.Failure));
        Assert.Equal(TimeSpan.FromMilliseconds(20), meter.FirstContent);
    }

    [Fact]
    public void ResponsesBody_Cut_IsTruncated() =>
        Assert.Equal("truncated", Run(MeteredEndpoint.OpenAiResponses, "application/json", false, """{"id":"resp_1","usage":{"input""").Meter.Failure);

    [Fact]
    public void TranscriptionBody_IsFine_WithoutTokens()
    {
        var (meter, _) = Run(MeteredEndpoint.AudioTranscriptions, "application/json", true, """{"text":"hello world"}""" + "\n");

        Assert.Equal(((string?)null, 0L, 0L, (string?)null), (meter.Failure, meter.PromptTokens, meter.GenerationTokens, meter.DoneReason));
    }
}
