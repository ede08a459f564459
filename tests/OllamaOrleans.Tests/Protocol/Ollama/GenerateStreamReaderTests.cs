using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Tests.Protocol.Ollama;

public sealed class GenerateStreamReaderTests
{
    private const string Final = """{"model":"llama3.2","created_at":"2026-08-22T16:52:21.499127Z","response":"","done":true,"done_reason":"stop","context":[1,2],"total_duration":10706818083,"load_duration":6338219291,"prompt_eval_count":26,"prompt_eval_duration":130079000,"eval_count":259,"eval_duration":4232710000}""";

    private static GenerateStreamReader Read(params (string Line, int Ms)[] lines)
    {
        var reader = new GenerateStreamReader();
        foreach (var (line, ms) in lines)
        {
            reader.Add(line, TimeSpan.FromMilliseconds(ms));
        }

        reader.End();
        return reader;
    }

    [Fact]
    public void CompleteStream_FirstContentAndFinalMetrics()
    {
        var reader = Read(
            ("""{"model":"llama3.2","created_at":"x","response":"","done":false}""", 5),
            ("""{"model":"llama3.2","created_at":"x","response":"The","done":false}""", 120),
            (Final, 300));

        Assert.True(reader.Done);
        Assert.Null(reader.Failure);
        Assert.Equal(TimeSpan.FromMilliseconds(120), reader.FirstContent);
        Assert.Equal(("stop", 26L, 259L), (reader.DoneReason, reader.PromptTokens, reader.GenerationTokens));
        Assert.Equal(4.23271, reader.GenerationSeconds, 9);
        Assert.Equal(0.130079, reader.PromptEvalSeconds, 9);
        Assert.Equal(6.338219291, reader.LoadSeconds!.Value, 9);
        Assert.Equal(0.005809792, reader.QueueWaitSeconds!.Value, 9);
    }

    [Theory]
    [InlineData("""{"message":{"role":"assistant","content":"","thinking":"Okay"},"done":false}""")]
    [InlineData("""{"message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":{}}}]},"done":false}""")]
    [InlineData("""{"response":"","thinking":"Okay","done":false}""")]
    public void FirstGeneratedToken_OfAnyKind_IsTheFirstToken(string line)
    {
        var reader = Read(("""{"message":{"role":"assistant","content":""},"done":false}""", 10), (line, 40), ("""{"message":{"role":"assistant","content":"Hi"},"done":false}""", 70), (Final, 90));

        Assert.Equal(TimeSpan.FromMilliseconds(40), reader.FirstContent);
    }

    /// <summary>server/routes.go GenerateHandler: the load reply to an empty prompt carries no metrics.</summary>
    [Fact]
    public void LoadReply_HasNoLoadDuration_NoQueueWait_NoFirstToken()
    {
        var reader = Read(("""{"model":"llama3.2","created_at":"2026-08-22T16:52:21.499127Z","response":"","done":true,"done_reason":"load"}""", 900));

        Assert.True(reader.Done);
        Assert.Equal("load", reader.DoneReason);
        Assert.Null(reader.LoadSeconds);
        Assert.Null(reader.QueueWaitSeconds);
        Assert.Null(reader.FirstContent);
    }

    [Fact]
    public void FinalWithoutPromptEvalDuration_HasLoadButNoQueueWait()
    {
        var reader = Read(("""{"done":true,"total_duration":14143917,"load_duration":1019500,"prompt_eval_count":8}""", 20));

        Assert.Equal(0.0010195, reader.LoadSeconds!.Value, 9);
        Assert.Null(reader.QueueWaitSeconds);
    }

    [Fact]
    public void ChatStream_ContentInMessage()
    {
        var reader = Read(("""{"message":{"role":"assistant","content":"Hi"},"done":false}""", 40), ("""{"message":{"role":"assistant","content":""},"done":true,"eval_count":1,"eval_duration":1000}""", 50));

        Assert.Equal(TimeSpan.FromMilliseconds(40), reader.FirstContent);
        Assert.True(reader.Done);
    }

    [Fact]
    public void ErrorLine_EndsWithStreamError()
    {
        var reader = Read(("""{"response":"a","done":false}""", 10), ("""{"error":"an error was encountered while running the model"}""", 20));

        Assert.Equal("stream_error", reader.Failure);
        Assert.Equal("an error was encountered while running the model", reader.ErrorMessage);
    }

    [Fact]
    public void CutBeforeTheFinalObject_IsTruncated() =>
        Assert.Equal("truncated", Read(("""{"response":"a","done":false}""", 10)).Failure);

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1]")]
    public void InvalidLine_IsMalformed(string line) => Assert.Equal("malformed", Read((line, 1)).Failure);
}
