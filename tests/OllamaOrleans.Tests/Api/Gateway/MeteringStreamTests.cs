using System.Text;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class MeteringStreamTests
{
    private const string Final = """{"model":"llama3.2","response":"","done":true,"done_reason":"stop","prompt_eval_count":26,"eval_count":100,"eval_duration":2000000000}""";

    /// <summary>The client's body: records what the meter had seen when each chunk arrived, or fails every write.</summary>
    private sealed class Client(ResponseMeter meter, bool fail) : MemoryStream
    {
        public List<long> GenerationTokensAtWrite { get; } = [];

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            GenerationTokensAtWrite.Add(meter.GenerationTokens);
            return fail ? ValueTask.FromException(new IOException("client went away")) : base.WriteAsync(buffer, cancellationToken);
        }
    }

    private static ResponseMeter Meter(bool strip = false) => new(strip ? MeteredEndpoint.OpenAiChat : MeteredEndpoint.Generate, strip, () => TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task WriteAsync_Ndjson_ForwardsTheChunkBeforeTheMeterReadsIt()
    {
        var meter = Meter();
        var client = new Client(meter, fail: false);
        var stream = new MeteringStream(client, meter, () => "application/x-ndjson");

        await stream.WriteAsync(Encoding.UTF8.GetBytes(Final + "\n"));

        Assert.Equal([0L], client.GenerationTokensAtWrite);
        Assert.Equal((26L, 100L), (meter.PromptTokens, meter.GenerationTokens));
        Assert.Equal(Final + "\n", Encoding.UTF8.GetString(client.ToArray()));
        Assert.Equal(Final.Length + 1, stream.BytesWritten);
    }

    [Fact]
    public async Task WriteAsync_ClientFails_StillMetersTheChunkAndMarksTheClientFailed()
    {
        var meter = Meter();
        var client = new Client(meter, fail: true);
        var stream = new MeteringStream(client, meter, () => "application/x-ndjson");

        await Assert.ThrowsAsync<IOException>(async () => await stream.WriteAsync(Encoding.UTF8.GetBytes(Final + "\n")));

        Assert.True(stream.ClientFailed);
        Assert.Equal(0, stream.BytesWritten);
        Assert.Equal(100L, meter.GenerationTokens);
    }

    [Fact]
    public async Task WriteAsync_StrippedUsage_ReadsTheEventBeforeForwardingWithoutTheUsageChunk()
    {
        var meter = Meter(strip: true);
        var client = new Client(meter, fail: false);
        var stream = new MeteringStream(client, meter, () => "text/event-stream");
        const string usage = "data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":100,\"total_tokens\":126}}\n\n";
        const string content = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n";

        await stream.WriteAsync(Encoding.UTF8.GetBytes(content));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(usage));

        Assert.Equal([0L], client.GenerationTokensAtWrite);
        Assert.Equal(content, Encoding.UTF8.GetString(client.ToArray()));
        Assert.Equal(100L, meter.GenerationTokens);
    }
}
