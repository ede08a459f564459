using System.Buffers;
using System.Text;
using System.Text.Json;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Measures a response body while it passes through, without holding it back: NDJSON lines and SSE
/// events are parsed as complete ones arrive, a non-streamed body is kept (up to a cap) and read at
/// the end. The one exception to "pass everything at once" is the usage the gateway asked an OpenAI
/// stream for: events are then released whole, the usage chunk is dropped and the <c>usage</c> member
/// that <c>/v1/completions</c> then puts on every other chunk is cut out, so the client gets the bytes
/// it would have got from Ollama without <c>include_usage</c>.
/// </summary>
public sealed class ResponseMeter(MeteredEndpoint endpoint, bool stripUsage, Func<TimeSpan> elapsed)
{
    public const int MaxBufferedBody = 16 * 1024 * 1024;
    private readonly ArrayBufferWriter<byte> pending = new();
    private readonly GenerateStreamReader native = new();
    private readonly OpenAiEventReader openAi = new();
    private readonly StreamEventReader? events = StreamEventReader.For(endpoint);
    private bool overflow;

    public MeterMode Mode { get; private set; }

    public TimeSpan? FirstContent { get; private set; }

    /// <summary>Whether <see cref="Process"/> may hold bytes back (the usage the gateway asked for is cut out).</summary>
    public bool HoldsBack => Mode == MeterMode.Sse && stripUsage;

    public void Begin(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        Mode = media switch
        {
            "application/x-ndjson" => MeterMode.Ndjson,
            "text/event-stream" => MeterMode.Sse,
            "application/json" => MeterMode.Json,
            _ => MeterMode.None,
        };
    }

    /// <summary>Takes a chunk from upstream; returns the bytes to send to the client now.</summary>
    public ReadOnlyMemory<byte> Process(ReadOnlyMemory<byte> chunk)
    {
        switch (Mode)
        {
            case MeterMode.Ndjson:
                Append(chunk);
                ConsumeLines();
                return chunk;
            case MeterMode.Sse:
                Append(chunk);
                var released = ConsumeEvents();
                return stripUsage ? released : chunk;
            case MeterMode.Json:
                if (!overflow)
                {
                    Append(chunk);
                    overflow = pending.WrittenCount > MaxBufferedBody;
                }

                return chunk;
            default:
                return chunk;
        }
    }

    /// <summary>The body ended (completely, or cut); returns held bytes still owed to the client.</summary>
    public ReadOnlyMemory<byte> End(bool complete)
    {
        ReadOnlyMemory<byte> owed = ReadOnlyMemory<byte>.Empty;
        if (Mode == MeterMode.Json && complete && !overflow)
        {
            ReadBody(pending.WrittenSpan);
        }
        else if (Mode == MeterMode.Sse && stripUsage && pending.WrittenCount > 0)
        {
            owed = pending.WrittenMemory.ToArray();
        }

        if (!complete)
        {
            Truncated = true;
        }

        return owed;
    }

    public bool Truncated { get; private set; }

    /// <summary>The outcome class of a 200 answer: null when fine, else stream_error, malformed or truncated.</summary>
    public string? Failure => events is not null && Mode is MeterMode.Sse or MeterMode.Json
        ? events.Failure ?? (events.Done ? null : RequestOutcomes.Truncated)
        : NativeOrOpenAiFailure;

    private string? NativeOrOpenAiFailure => Mode switch
    {
        MeterMode.Ndjson => native.Failure ?? (native.Done ? null : RequestOutcomes.Truncated),
        MeterMode.Sse => openAi.Failure ?? (openAi.Done ? null : RequestOutcomes.Truncated),
        _ when Truncated => RequestOutcomes.Truncated,
        MeterMode.Json => endpoint.IsOpenAi() ? openAi.Failure : native.Failure,
        _ => null,
    };

    public long PromptTokens => events is not null ? events.PromptTokens : endpoint.IsOpenAi() ? openAi.PromptTokens : native.PromptTokens;

    public long GenerationTokens => events is not null ? events.GenerationTokens : endpoint.IsOpenAi() ? openAi.CompletionTokens : native.GenerationTokens;

    public double PromptEvalSeconds => native.PromptEvalSeconds;

    public double GenerationSeconds => native.GenerationSeconds;

    public double? LoadSeconds => native.Done ? native.LoadSeconds : null;

    public double? QueueWaitSeconds => native.QueueWaitSeconds;

    public string? DoneReason => events is not null ? events.DoneReason : native.DoneReason;

    private void Append(ReadOnlyMemory<byte> chunk) => pending.Write(chunk.Span);

    private void ConsumeLines()
    {
        var span = pending.WrittenSpan;
        var consumed = 0;
        int newline;
        while ((newline = span[consumed..].IndexOf((byte)'\n')) >= 0)
        {
            var line = span.Slice(consumed, newline);
            native.Add(Encoding.UTF8.GetString(line), elapsed());
            MarkContent(native.FirstContent is not null);
            consumed += newline + 1;
        }

        Keep(consumed);
    }

    private ReadOnlyMemory<byte> ConsumeEvents()
    {
        var span = pending.WrittenSpan;
        var consumed = 0;
        var forward = stripUsage ? new ArrayBufferWriter<byte>() : null;
        int end;
        while ((end = span[consumed..].IndexOf("\n\n"u8)) >= 0)
        {
            var eventBytes = span.Slice(consumed, end + 2);
            var usageOnly = ReadEvent(eventBytes);
            if (forward is not null && !usageOnly)
            {
                WriteWithoutUsage(forward, eventBytes);
            }

            consumed += end + 2;
        }

        Keep(consumed);
        return forward?.WrittenMemory ?? ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>The event with the <c>usage</c> member of its data line cut out (Ollama writes one line per event).</summary>
    private static void WriteWithoutUsage(ArrayBufferWriter<byte> forward, ReadOnlySpan<byte> eventBytes)
    {
        var lineEnd = eventBytes.IndexOf((byte)'\n');
        if (!eventBytes.StartsWith("data: "u8) || UsageMember.Remove(eventBytes[6..lineEnd]) is not { } stripped)
        {
            forward.Write(eventBytes);
            return;
        }

        forward.Write("data: "u8);
        forward.Write(stripped);
        forward.Write(eventBytes[lineEnd..]);
    }

    private bool ReadEvent(ReadOnlySpan<byte> eventBytes)
    {
        var usageOnly = false;
        foreach (var line in Encoding.UTF8.GetString(eventBytes).Split('\n'))
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && events is not null)
            {
                events.ReadEvent(Encoding.UTF8.GetBytes(line[5..].Trim()));
                MarkContent(events.SawContent);
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                usageOnly |= openAi.ReadEvent(Encoding.UTF8.GetBytes(line[5..].Trim()));
                MarkContent(openAi.SawContent);
            }
        }

        return usageOnly;
    }

    private void ReadBody(ReadOnlySpan<byte> body)
    {
        if (events is not null)
        {
            events.ReadBody(body);
        }
        else if (endpoint.IsOpenAi())
        {
            openAi.ReadBody(body);
        }
        else if (endpoint == MeteredEndpoint.AudioTranscriptions)
        {
            // {"text": …}: no usage to read; the request is counted with its status and latency.
        }
        else if (endpoint is MeteredEndpoint.Embed or MeteredEndpoint.Embeddings)
        {
            native.Add(EmbedAsFinal(body), elapsed());
        }
        else
        {
            native.Add(Encoding.UTF8.GetString(body), elapsed());
        }
    }

    /// <summary>An embed answer carries the final object's metrics without <c>done</c>; read it as one.</summary>
    private static string EmbedAsFinal(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            long Get(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : 0;
            return $$"""{"done":true,"prompt_eval_count":{{Get("prompt_eval_count")}},"total_duration":{{Get("total_duration")}},"load_duration":{{Get("load_duration")}}}""";
        }
        catch (JsonException)
        {
            return "not json";
        }
    }

    private void MarkContent(bool seen)
    {
        if (seen && FirstContent is null)
        {
            FirstContent = elapsed();
        }
    }

    private void Keep(int consumed)
    {
        if (consumed == 0)
        {
            return;
        }

        var rest = pending.WrittenSpan[consumed..].ToArray();
        pending.Clear();
        pending.Write(rest);
    }
}
