using OllamaOrleans.GrainInterfaces;

namespace OllamaOrleans.Tests.GrainInterfaces.Protocol;

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
        Assert.Equal(6.338219291, reader.LoadSeconds, 9);
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
