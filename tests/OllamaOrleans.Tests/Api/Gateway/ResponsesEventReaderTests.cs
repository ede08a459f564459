using System.Text;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

/// <summary>Events as Ollama's ResponsesStreamConverter writes them (openai/responses.go).</summary>
public sealed class ResponsesEventReaderTests
{
    private const string Created = """{"response":{"id":"resp_1","object":"response","status":"in_progress","usage":null},"sequence_number":0,"type":"response.created"}""";
    private const string Reasoning = """{"delta":"Hmm","item_id":"rs_1","output_index":0,"sequence_number":3,"summary_index":0,"type":"response.reasoning_summary_text.delta"}""";
    private const string Text = """{"content_index":0,"delta":"Hi","item_id":"msg_1","logprobs":[],"output_index":1,"sequence_number":8,"type":"response.output_text.delta"}""";
    private const string Completed = """{"response":{"id":"resp_1","object":"response","status":"completed","usage":{"input_tokens":26,"input_tokens_details":{"cached_tokens":0},"output_tokens":9,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":35}},"sequence_number":12,"type":"response.completed"}""";

    private static void Read(ResponsesEventReader reader, string data) => reader.ReadEvent(Encoding.UTF8.GetBytes(data));

    [Fact]
    public void Stream_CountsTheUsageOfResponseCompleted()
    {
        var reader = new ResponsesEventReader();
        foreach (var data in new[] { Created, Reasoning, Text, Completed })
        {
            Read(reader, data);
        }

        Assert.Equal((26L, 9L, true, (string?)null, (string?)null), (reader.PromptTokens, reader.GenerationTokens, reader.Done, reader.Failure, reader.DoneReason));
    }

    [Theory]
    [InlineData(Reasoning)]
    [InlineData(Text)]
    [InlineData("""{"delta":"{\"city\":","item_id":"fc_1","output_index":0,"sequence_number":3,"type":"response.function_call_arguments.delta"}""")]
    public void FirstContent_AnyGeneratedDelta(string data)
    {
        var reader = new ResponsesEventReader();
        Read(reader, Created);
        Assert.False(reader.SawContent);

        Read(reader, data);
        Assert.True(reader.SawContent);
    }

    [Fact]
    public void EmptyDeltaAndItemAdded_AreNotContent()
    {
        var reader = new ResponsesEventReader();
        Read(reader, """{"item":{"id":"msg_1","type":"message","status":"in_progress","role":"assistant","content":[]},"output_index":0,"sequence_number":2,"type":"response.output_item.added"}""");
        Read(reader, """{"content_index":0,"delta":"","item_id":"msg_1","logprobs":[],"output_index":0,"sequence_number":3,"type":"response.output_text.delta"}""");

        Assert.False(reader.SawContent);
    }

    [Theory]
    [InlineData("""{"response":{"status":"failed"},"sequence_number":5,"type":"response.failed"}""")]
    [InlineData("""{"type":"error","code":"server_error","message":"boom","sequence_number":5}""")]
    public void FailedAndError_AreStreamErrors(string data)
    {
        var reader = new ResponsesEventReader();
        Read(reader, data);

        Assert.Equal(("stream_error", false), (reader.Failure, reader.Done));
    }

    [Fact]
    public void Body_ReadsUsage()
    {
        var reader = new ResponsesEventReader();
        reader.ReadBody("""{"id":"resp_1","object":"response","status":"completed","output":[],"usage":{"input_tokens":7,"output_tokens":4,"total_tokens":11}}"""u8);

        Assert.Equal((7L, 4L, true), (reader.PromptTokens, reader.GenerationTokens, reader.Done));
    }
}
