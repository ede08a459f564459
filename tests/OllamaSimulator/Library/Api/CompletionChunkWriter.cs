using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// The SSE chunks of a streamed <c>/v1/completions</c> answer, as openai/openai.go CompletionChunk
/// encodes them: <c>choices</c> before <c>model</c>, each chunk stamped with its own time
/// (ToCompleteChunk), and with <c>include_usage</c> a zero <c>usage</c> on every chunk
/// (middleware/openai.go CompleteWriter.writeResponse) before the usage chunk with the counts.
/// </summary>
internal sealed class CompletionChunkWriter(HostContext host, string id, string model, bool includeUsage)
{
    private long created;

    public bool IncludeUsage => includeUsage;

    /// <summary>One chunk; <paramref name="modelOverride"/> replaces the request's model (an error line has none).</summary>
    public string Chunk(string text, string? finishReason, string? modelOverride = null)
    {
        created = host.Time.GetUtcNow().ToUnixTimeSeconds();
        var json = Start().Name("choices").StartArray().StartObject().Property("text", text).Property("index", 0).Name("finish_reason");
        if (finishReason is null)
        {
            json.Null();
        }
        else
        {
            json.String(finishReason);
        }

        json.EndObject().EndArray();
        End(json, modelOverride ?? model);
        if (includeUsage)
        {
            OpenAiReply.WriteUsage(json, 0, 0);
        }

        return json.EndObject().ToString();
    }

    /// <summary>The last chunk again with no choices and the counts of the final object (ToUsageGenerate).</summary>
    public string UsageChunk(long promptTokens, long completionTokens)
    {
        var json = Start().Name("choices").StartArray().EndArray();
        End(json, model);
        OpenAiReply.WriteUsage(json, promptTokens, completionTokens);
        return json.EndObject().ToString();
    }

    private GoJsonWriter Start() => new GoJsonWriter().StartObject()
        .Property("id", id)
        .Property("object", "text_completion")
        .Property("created", created);

    private static void End(GoJsonWriter json, string name) => json
        .Property("model", name)
        .Property("system_fingerprint", "fp_ollama");
}
