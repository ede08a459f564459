using OllamaSimulator.Http;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary>Body decoding and the small request rules the native handlers share.</summary>
internal static class Requests
{
    /// <summary>Decodes as gin's <c>ShouldBindJSON</c> into <paramref name="schema"/>; Ollama's 400s on failure.</summary>
    public static JsonBody Parse(HttpRequest request, GoStruct schema)
    {
        var body = JsonBody.TryParse(request.Body, schema, out var error);
        return body ?? throw ApiException.BadRequest(error == JsonBody.EndOfInput ? "missing request body" : error!);
    }

    /// <summary>
    /// The requested model's name (server/model_resolver.go parseAndValidateModelRef, server/routes.go
    /// writeModelRefParseError): an empty one gets the handler's own answer, a non-empty invalid one
    /// 400 <c>invalid model name</c>.
    /// </summary>
    public static ModelName ModelRef(string requested, Func<ApiException> whenEmpty)
    {
        var name = ModelName.Parse(requested);
        if (name.IsValid)
        {
            return name;
        }

        throw requested.Trim().Length == 0 ? whenEmpty() : ApiException.BadRequest("invalid model name");
    }

    /// <summary>The <c>keep_alive</c> field; null when absent (the runner's value is then left alone).</summary>
    public static TimeSpan? KeepAlive(JsonBody body) =>
        body.Get("keep_alive") is { } value ? GoDuration.ReadKeepAlive(value, out _) : null;

    /// <summary>Whether to think: explicit <c>think</c>, else on for thinking-capable models.</summary>
    public static bool Think(JsonBody body, SimulatedModel model, string requestedName)
    {
        var think = body.Get("think");
        if (think is null)
        {
            return model.HasCapability("thinking");
        }

        var wanted = think.Value.ValueKind != System.Text.Json.JsonValueKind.False;
        if (wanted && !model.HasCapability("thinking"))
        {
            throw ApiException.BadRequest($"{GoQuote.Quote(requestedName)} does not support thinking");
        }

        return wanted;
    }

    public static void CheckTopLogprobs(JsonBody body)
    {
        if (body.GetInt("top_logprobs") is < 0 or > 20)
        {
            throw ApiException.BadRequest("top_logprobs must be between 0 and 20");
        }
    }
}
