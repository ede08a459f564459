using System.Text.Json;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary>What the OpenAI middleware and the native handler it calls check before generating.</summary>
internal static class OpenAiRequests
{
    /// <summary>The native handler's model checks; <paramref name="notFoundStatusIsGenerate"/> picks generate's rules over chat's.</summary>
    public static SimulatedModel FindCompletionModel(HostContext host, string requested, bool notFoundStatusIsGenerate)
    {
        var name = Requests.ModelRef(
            requested, () => notFoundStatusIsGenerate ? ApiException.NotFound($"model '{requested}' not found") : ApiException.BadRequest("model is required"));

        if (name.IsCloud)
        {
            throw ApiException.CloudUnauthorized();
        }

        var model = host.Catalog.Find(name) ?? throw ApiException.NotFound($"model '{requested}' not found");
        if (!model.HasCapability("completion"))
        {
            throw ApiException.BadRequest($"{GoQuote.Quote(requested)} does not support {(notFoundStatusIsGenerate ? "generate" : "chat")}");
        }

        return model;
    }

    /// <summary><c>max_tokens</c> becomes <c>num_predict</c>.</summary>
    public static int? MaxTokens(JsonBody body) => body.GetInt("max_tokens") is { } max ? (int)max : null;

    /// <summary><c>stream_options.include_usage</c>.</summary>
    public static bool IncludeUsage(JsonBody body) =>
        body.Get("stream_options") is { ValueKind: JsonValueKind.Object } options
        && options.EnumerateObject().Any(p => p.NameEquals("include_usage") && p.Value.ValueKind == JsonValueKind.True);

    /// <summary>Chat ids are <c>chatcmpl-</c> plus a random number below 999: not unique, as in Ollama.</summary>
    public static int RandomId() => Random.Shared.Next(999);
}
