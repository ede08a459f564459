using System.Text;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class ResponseMeterTests
{
    private const string Final = """{"model":"llama3.2","response":"","done":true,"done_reason":"stop","total_duration":5000000000,"load_duration":1000000000,"prompt_eval_count":26,"prompt_eval_duration":500000000,"eval_count":100,"eval_duration":2000000000}""";

    private static (ResponseMeter Meter, string Forwarded) Run(MeteredEndpoint endpoint, string contentType, bool strip, bool complete, params string[] chunks)
    {
        var clock = 0;
        var meter = new ResponseMeter(endpoint, strip, () => TimeSpan.FromMilliseconds(++clock * 10));
        meter.Begin(contentType);
        var forwarded = new StringBuilder();
        foreach (var chunk in chunks)
        {
            forwarded.Append(Encoding.UTF8.GetString(meter.Process(Encoding.UTF8.GetBytes(chunk)).Span));
        }

        forwarded.Append(Encoding.UTF8.GetString(meter.End(complete).Span));
        return (meter, forwarded.ToString());
    }

    [Fact]
    public void Ndjson_SplitAcrossChunks_ForwardsEverythingAndReadsTheFinalObject()
    {
        var line1 = """{"response":"The","done":false}""" + "\n";
        var (meter, forwarded) = Run(MeteredEndpoint.Generate, "application/x-ndjson", false, true, line1[..10], line1[10..] + Final[..40], Final[40..] + "\n");

        Assert.Equal(line1 + Final + "\n", forwarded);
        Assert.Null(meter.Failure);
        Assert.Equal(TimeSpan.FromMilliseconds(20), meter.FirstContent);
        Assert.Equal((26L, 100L, "stop"), (meter.PromptTokens, meter.GenerationTokens, meter.DoneReason));
        Assert.Equal(2.0, meter.GenerationSeconds);
        Assert.Equal(1.0, meter.LoadSeconds);
        Assert.Equal(1.5, meter.QueueWaitSeconds!.Value, 9);
    }

    [Fact]
    public void Ndjson_ErrorLineInside200_IsAStreamError() =>
        Assert.Equal("stream_error", Run(MeteredEndpoint.Chat, "application/x-ndjson", false, true, """{"message":{"content":"a"},"done":false}""" + "\n" + """{"error":"boom"}""" + "\n").Meter.Failure);

    [Fact]
    public void Ndjson_EndingWithoutFinalObject_IsTruncated() =>
        Assert.Equal("truncated", Run(MeteredEndpoint.Generate, "application/x-ndjson", false, true, """{"response":"a","done":false}""" + "\n").Meter.Failure);

    [Fact]
    public void Sse_StripUsage_DropsOnlyTheUsageChunk_AndCountsItsTokens()
    {
        const string content = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n";
        const string stop = "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n";
        const string usage = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":4,\"total_tokens\":30}}\n\n";
        const string done = "data: [DONE]\n\n";

        var (meter, forwarded) = Run(MeteredEndpoint.OpenAiChat, "text/event-stream", true, true, content[..15], content[15..] + stop, usage + done);

        Assert.Equal(content + stop + done, forwarded);
        Assert.Equal((26L, 4L), (meter.PromptTokens, meter.GenerationTokens));
        Assert.Null(meter.Failure);
        Assert.NotNull(meter.FirstContent);
    }

    /// <summary>middleware/openai.go CompleteWriter.writeResponse: with include_usage every chunk carries a usage.</summary>
    [Fact]
    public void Sse_StripUsage_Completions_CutsTheUsageOfEveryChunk()
    {
        const string zero = ",\"usage\":{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}";
        const string text = "data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"choices\":[{\"text\":\"Hi\",\"index\":0,\"finish_reason\":null}],\"model\":\"m\",\"system_fingerprint\":\"fp_ollama\"";
        const string stop = "data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"choices\":[{\"text\":\"\",\"index\":0,\"finish_reason\":\"stop\"}],\"model\":\"m\",\"system_fingerprint\":\"fp_ollama\"";
        const string usage = "data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"choices\":[],\"model\":\"m\",\"system_fingerprint\":\"fp_ollama\",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":1,\"total_tokens\":13}}\n\n";

        var (meter, forwarded) = Run(MeteredEndpoint.OpenAiCompletions, "text/event-stream", true, true, text + zero + "}\n\n" + stop[..30], stop[30..] + zero + "}\n\n" + usage + "data: [DONE]\n\n");

        Assert.Equal(text + "}\n\n" + stop + "}\n\n" + "data: [DONE]\n\n", forwarded);
        Assert.Equal((12L, 1L), (meter.PromptTokens, meter.GenerationTokens));
    }

    [Theory]
    [InlineData("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":\"Okay\"},\"finish_reason\":null}]}")]
    [InlineData("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_1\",\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},\"finish_reason\":null}]}")]
    public void Sse_ReasoningOrToolCall_IsTheFirstToken(string chunk)
    {
        const string empty = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n";

        var (meter, _) = Run(MeteredEndpoint.OpenAiChat, "text/event-stream", false, true, empty, "data: " + chunk + "\n\n", "data: [DONE]\n\n");

        Assert.Equal(TimeSpan.FromMilliseconds(10), meter.FirstContent);
    }

    [Fact]
    public void Sse_NoGeneratedToken_HasNoFirstToken()
    {
        const string empty = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n";

        Assert.Null(Run(MeteredEndpoint.OpenAiChat, "text/event-stream", false, true, empty, "data: [DONE]\n\n").Meter.FirstContent);
    }

    /// <summary>
    /// An error after the first chunk reaches an OpenAI client as one empty chunk and no [DONE]
    /// (middleware/openai.go ChatWriter.writeResponse): the stream is cut short, as the client sees it.
    /// </summary>
    [Fact]
    public void Sse_OllamaErrorAfterTheFirstChunk_IsTruncated()
    {
        const string content = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n";
        const string empty = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":null}]}\n\n";

        Assert.Equal("truncated", Run(MeteredEndpoint.OpenAiChat, "text/event-stream", true, true, content, empty).Meter.Failure);
    }

    [Fact]
    public void Sse_WithoutStrip_ForwardsChunksAsTheyCome()
    {
        const string usage = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":1}}\n\n";

        var (meter, forwarded) = Run(MeteredEndpoint.OpenAiCompletions, "text/event-stream", false, true, usage[..20], usage[20..] + "data: [DONE]\n\n");

        Assert.Equal(usage + "data: [DONE]\n\n", forwarded);
        Assert.Equal((2L, 1L), (meter.PromptTokens, meter.GenerationTokens));
    }

    [Fact]
    public void Json_NonStreamedChat_ReadsTheBodyAtTheEnd()
    {
        var (meter, forwarded) = Run(MeteredEndpoint.Chat, "application/json; charset=utf-8", false, true, Final[..30], Final[30..]);

        Assert.Equal(Final, forwarded);
        Assert.Equal(100, meter.GenerationTokens);
        Assert.Null(meter.FirstContent);
    }

    [Fact]
    public void Json_Embed_ReadsPromptTokensAndDurations()
    {
        var (meter, _) = Run(MeteredEndpoint.Embed, "application/json", false, true, """{"model":"all-minilm","embeddings":[[0.1]],"total_duration":14143917,"load_duration":1019500,"prompt_eval_count":8}""");

        Assert.Equal(8, meter.PromptTokens);
        Assert.Equal(0.0010195, meter.LoadSeconds!.Value, 9);
        Assert.Null(meter.QueueWaitSeconds);
    }

    /// <summary>server/routes.go GenerateHandler: the reply that loaded the model carries no metrics.</summary>
    [Fact]
    public void Json_LoadReply_RecordsNoLoadDuration()
    {
        var (meter, _) = Run(MeteredEndpoint.Generate, "application/json; charset=utf-8", false, true, """{"model":"llama3.2","created_at":"2026-08-22T16:52:21.499127Z","response":"","done":true,"done_reason":"load"}""");

        Assert.Equal("load", meter.DoneReason);
        Assert.Null(meter.LoadSeconds);
        Assert.Null(meter.QueueWaitSeconds);
    }

    [Fact]
    public void Json_OpenAiUsage()
    {
        var (meter, _) = Run(MeteredEndpoint.OpenAiEmbeddings, "application/json", false, true, """{"object":"list","data":[],"usage":{"prompt_tokens":5,"total_tokens":5}}""");

        Assert.Equal(5, meter.PromptTokens);
    }

    [Fact]
    public void Json_CutMidway_IsTruncated() =>
        Assert.Equal("truncated", Run(MeteredEndpoint.Chat, "application/json", false, false, Final[..30]).Meter.Failure);
}
