using System.Text.Json;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// What Ollama's Responses answers echo from the request (openai/responses.go <c>ToResponse</c> and
/// <c>buildResponseObject</c>): instructions, reasoning, sampling, limits. The streamed object is a Go
/// map, so its keys come out sorted; the non-streamed one is a struct, in field order.
/// </summary>
internal sealed class ResponsesRequestEcho(JsonBody body)
{
    public string Instructions { get; } = body.GetString("instructions");

    public string Effort { get; } = Reasoning(body, "effort");

    public string Summary { get; } = Reasoning(body, "summary");

    public double Temperature { get; } = body.GetNumber("temperature") ?? 1.0;

    public double TopP { get; } = body.GetNumber("top_p") ?? 1.0;

    public string Truncation { get; } = body.Get("truncation") is { ValueKind: JsonValueKind.String } t ? t.GetString()! : "disabled";

    public long? MaxOutputTokens { get; } = body.GetInt("max_output_tokens");

    public bool Background { get; } = body.GetBool("background") == true;

    /// <summary>The response object of stream events, keys sorted as Go's map encoding sorts them.</summary>
    public GoJsonWriter StreamObject(GoJsonWriter json, string id, string model, string status, long createdAt, long? completedAt, Action<GoJsonWriter> output, Action<GoJsonWriter>? usage)
    {
        json.StartObject()
            .Property("background", Background)
            .Name("completed_at");
        Nullable(json, completedAt);
        json.Property("created_at", createdAt)
            .Name("error").Null()
            .Property("frequency_penalty", 0)
            .Property("id", id)
            .Name("incomplete_details").Null()
            .Name("instructions");
        NullableString(json, Instructions);
        json.Name("max_output_tokens");
        Nullable(json, MaxOutputTokens);
        json.Name("max_tool_calls").Null()
            .Name("metadata").StartObject().EndObject()
            .Property("model", model)
            .Property("object", "response")
            .Name("output");
        output(json);
        json.Property("parallel_tool_calls", true)
            .Property("presence_penalty", 0)
            .Name("previous_response_id").Null()
            .Name("prompt_cache_key").Null()
            .Name("reasoning");
        if (Effort.Length == 0 && Summary.Length == 0)
        {
            json.Null();
        }
        else
        {
            json.StartObject().Name("effort");
            NullableString(json, Effort);
            json.Name("summary");
            NullableString(json, Summary);
            json.EndObject();
        }

        json.Name("safety_identifier").Null()
            .Property("service_tier", "default")
            .Property("status", status)
            .Property("store", false)
            .Name("temperature").Number(Temperature)
            .Name("text").StartObject().Name("format").StartObject().Property("type", "text").EndObject().EndObject()
            .Property("tool_choice", "auto")
            .Name("tools").StartArray().EndArray()
            .Property("top_logprobs", 0)
            .Name("top_p").Number(TopP)
            .Property("truncation", Truncation)
            .Name("usage");
        if (usage is null)
        {
            json.Null();
        }
        else
        {
            usage(json);
        }

        return json.EndObject();
    }

    /// <summary>The non-streamed <c>ResponsesResponse</c>, in struct field order.</summary>
    public GoJsonWriter Response(string id, string model, long createdAt, long completedAt, Action<GoJsonWriter> output, long inputTokens, long outputTokens)
    {
        var json = new GoJsonWriter().StartObject()
            .Property("id", id)
            .Property("object", "response")
            .Property("created_at", createdAt)
            .Property("completed_at", completedAt)
            .Property("status", "completed")
            .Name("incomplete_details").Null()
            .Property("model", model)
            .Name("previous_response_id").Null()
            .Name("instructions");
        NullableString(json, Instructions);
        json.Name("output");
        output(json);
        json.Name("error").Null()
            .Name("tools").StartArray().EndArray()
            .Property("tool_choice", "auto")
            .Property("truncation", Truncation)
            .Property("parallel_tool_calls", true)
            .Name("text").StartObject().Name("format").StartObject().Property("type", "text").EndObject().EndObject()
            .Name("top_p").Number(TopP)
            .Property("presence_penalty", 0)
            .Property("frequency_penalty", 0)
            .Property("top_logprobs", 0)
            .Name("temperature").Number(Temperature)
            .Name("reasoning");
        if (Effort.Length == 0 && Summary.Length == 0)
        {
            json.Null();
        }
        else
        {
            json.StartObject().PropertyIfNotEmpty("effort", Effort).PropertyIfNotEmpty("summary", Summary).EndObject();
        }

        json.Name("usage").StartObject()
            .Property("input_tokens", inputTokens)
            .Property("output_tokens", outputTokens)
            .Property("total_tokens", inputTokens + outputTokens)
            .Name("input_tokens_details").StartObject().Property("cached_tokens", 0).EndObject()
            .Name("output_tokens_details").StartObject().Property("reasoning_tokens", 0).EndObject()
            .EndObject()
            .Name("max_output_tokens");
        Nullable(json, MaxOutputTokens);
        return json.Name("max_tool_calls").Null()
            .Property("store", false)
            .Property("background", Background)
            .Property("service_tier", "default")
            .Name("metadata").StartObject().EndObject()
            .Name("safety_identifier").Null()
            .Name("prompt_cache_key").Null()
            .EndObject();
    }

    private static string Reasoning(JsonBody body, string field) =>
        body.Get("reasoning") is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static void Nullable(GoJsonWriter json, long? value)
    {
        if (value is { } v)
        {
            json.Number(v);
        }
        else
        {
            json.Null();
        }
    }

    private static void NullableString(GoJsonWriter json, string value)
    {
        if (value.Length > 0)
        {
            json.String(value);
        }
        else
        {
            json.Null();
        }
    }
}
