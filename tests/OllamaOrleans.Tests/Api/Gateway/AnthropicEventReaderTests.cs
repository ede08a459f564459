using System.Text;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

/// <summary>Events as Ollama's anthropic.StreamConverter writes them (anthropic/anthropic.go).</summary>
public sealed class AnthropicEventReaderTests
{
    private const string Start = """{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"qwen3","content":[],"usage":{"input_tokens":3,"output_tokens":0}}}""";
    private const string ThinkingStart = """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}""";
    private const string ThinkingDelta = """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Hmm"}}""";
    private const string TextDelta = """{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hi"}}""";
    private const string Delta = """{"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"input_tokens":26,"output_tokens":8}}""";
    private const string Stop = """{"type":"message_stop"}""";

    private static void Read(AnthropicEventReader reader, string data) => reader.ReadEvent(Encoding.UTF8.GetBytes(data));

    [Fact]
    public void Stream_CountsTheUsageOfMessageDelta_NotTheEstimateOfMessageStart()
    {
        var reader = new AnthropicEventReader();
        foreach (var data in new[] { Start, ThinkingStart, ThinkingDelta, TextDelta, Delta, Stop })
        {
            Read(reader, data);
        }

        Assert.Equal((26L, 8L, "length", true, (string?)null), (reader.PromptTokens, reader.GenerationTokens, reader.DoneReason, reader.Done, reader.Failure));
    }

    [Fact]
    public void FirstContent_IsTheFirstThinkingDelta_NotTheEmptyBlockStart()
    {
        var reader = new AnthropicEventReader();
        Read(reader, Start);
        Read(reader, ThinkingStart);
        Assert.False(reader.SawContent);

        Read(reader, ThinkingDelta);
        Assert.True(reader.SawContent);
    }

    [Fact]
    public void ToolInput_IsGeneratedContent()
    {
        var reader = new AnthropicEventReader();
        Read(reader, """{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"call_1","name":"get_weather","input":{}}}""");
        Assert.False(reader.SawContent);

        Read(reader, """{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"city\":\"Paris\"}"}}""");
        Assert.True(reader.SawContent);
    }

    [Fact]
    public void Stream_WithoutMessageStop_IsNotDone()
    {
        var reader = new AnthropicEventReader();
        Read(reader, Start);
        Read(reader, TextDelta);

        Assert.Equal((false, 3L), (reader.Done, reader.PromptTokens));
    }

    [Theory]
    [InlineData("""{"type":"error","error":{"type":"api_error","message":"boom"}}""", "stream_error")]
    [InlineData("""[1]""", "malformed")]
    [InlineData("""not json""", "malformed")]
    public void ErrorsAndGarbage_AreFailures(string data, string failure)
    {
        var reader = new AnthropicEventReader();
        Read(reader, data);

        Assert.Equal(failure, reader.Failure);
    }

    [Fact]
    public void Body_ReadsUsageAndStopReason()
    {
        var reader = new AnthropicEventReader();
        reader.ReadBody("""{"id":"msg_1","type":"message","role":"assistant","model":"llama3.2","content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn","usage":{"input_tokens":12,"output_tokens":5}}"""u8);

        Assert.Equal((12L, 5L, "stop", true), (reader.PromptTokens, reader.GenerationTokens, reader.DoneReason, reader.Done));
    }

    [Theory]
    [InlineData("end_turn", "stop")]
    [InlineData("tool_use", "stop")]
    [InlineData("max_tokens", "length")]
    [InlineData("stop_sequence", "stop_sequence")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void OllamaReason_UndoesMapStopReason(string? stopReason, string? doneReason) =>
        Assert.Equal(doneReason, AnthropicEventReader.OllamaReason(stopReason));
}
