using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>Errors the gateway answers itself, shaped as Ollama's (native <c>{"error"}</c>, OpenAI's envelope, or Anthropic's).</summary>
public static class OllamaErrors
{
    /// <summary>Like Go's encoder, leave quotes and apostrophes readable (<c>model 'x' not found</c>).</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, int status, string message, MeteredEndpoint endpoint)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        object body = endpoint switch
        {
            MeteredEndpoint.AnthropicMessages => new { type = "error", error = new { type = AnthropicErrorType(status), message }, request_id = "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) },
            _ when endpoint.HasOpenAiErrors() => new { error = new { message, type = status switch { 400 => "invalid_request_error", 404 => "not_found_error", _ => "api_error" }, param = (string?)null, code = (string?)null } },
            _ => new { error = message },
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }

    /// <summary>The <c>error.type</c> of Ollama's Anthropic errors (anthropic/anthropic.go <c>NewError</c>).</summary>
    private static string AnthropicErrorType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        _ => "api_error",
    };

    /// <summary>Ollama's own "not found" text, which differs by endpoint (reference §3.1).</summary>
    public static string ModelNotFound(MeteredEndpoint endpoint, string model) => endpoint switch
    {
        MeteredEndpoint.Embed or MeteredEndpoint.Embeddings => $"model \"{model}\" not found, try pulling it first",
        // Show (and /v1/models/{model}, which calls it) names the model in its shortest full form.
        MeteredEndpoint.None => $"model '{ModelName.Normalize(model)}' not found",
        _ => $"model '{model}' not found",
    };
}
