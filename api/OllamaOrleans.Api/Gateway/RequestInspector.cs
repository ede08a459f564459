using System.Text.Json;
using System.Text.Json.Nodes;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Reads the model and the stream flag from an inference request body. A body that is not JSON is
/// forwarded untouched (Ollama answers it with its own 400). For an OpenAI stream without
/// <c>stream_options.include_usage</c>, it asks for the usage (the only way to count the tokens of such
/// a stream) and marks the request so the usage chunk is removed before the client sees it.
/// </summary>
public static class RequestInspector
{
    public static RequestFacts Inspect(MeteredEndpoint endpoint, ReadOnlyMemory<byte> body)
    {
        try
        {
            return Read(endpoint, body);
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in a name, which JsonNode transcodes only when it is looked up: not JSON either.
            return new RequestFacts(endpoint, null, false, false, body);
        }
        catch (ArgumentException)
        {
            // A name given twice in one object, which JsonObject refuses when it is looked up: the gateway
            // cannot tell which value Ollama would take, so it reads no model, as for a body that is not JSON.
            return new RequestFacts(endpoint, null, false, false, body);
        }
    }

    private static RequestFacts Read(MeteredEndpoint endpoint, ReadOnlyMemory<byte> body)
    {
        JsonNode? root;
        try
        {
            root = body.IsEmpty ? null : JsonNode.Parse(body.Span);
        }
        catch (JsonException)
        {
            return new RequestFacts(endpoint, null, false, false, body);
        }

        if (root is not JsonObject json)
        {
            return new RequestFacts(endpoint, null, false, false, body);
        }

        var model = ReadString(json, "model") ?? ReadString(json, "name");
        var stream = json["stream"] is JsonValue v && v.TryGetValue<bool>(out var s) ? s : endpoint.StreamsByDefault();
        if (!stream || endpoint is not (MeteredEndpoint.OpenAiChat or MeteredEndpoint.OpenAiCompletions) || WantsUsage(json))
        {
            return new RequestFacts(endpoint, model, stream, false, body);
        }

        if (json["stream_options"] is JsonObject options)
        {
            options["include_usage"] = true;
        }
        else
        {
            json["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return new RequestFacts(endpoint, model, stream, true, JsonSerializer.SerializeToUtf8Bytes(json));
    }

    private static bool WantsUsage(JsonObject json) =>
        json["stream_options"] is JsonObject options && options["include_usage"] is JsonValue v && v.TryGetValue<bool>(out var wants) && wants;

    private static string? ReadString(JsonObject json, string property) =>
        json[property] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
