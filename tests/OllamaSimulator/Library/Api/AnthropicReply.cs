using System.Security.Cryptography;
using System.Text;
using OllamaSimulator.Http;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// The Anthropic middleware's output (middleware/anthropic.go, anthropic/anthropic.go): errors as
/// <c>NewError</c> builds them, events as <c>writeSSE</c> frames them.
/// </summary>
internal static class AnthropicReply
{
    /// <summary><c>generateID</c>: the prefix, an underscore and 12 random bytes in hex.</summary>
    public static string Id(string prefix) => prefix + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string ErrorType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        _ => "api_error",
    };

    public static GoJsonWriter ErrorBody(int status, string message) => new GoJsonWriter().StartObject()
        .Property("type", "error")
        .Name("error").StartObject().Property("type", ErrorType(status)).Property("message", message).EndObject()
        .Property("request_id", Id("req"))
        .EndObject();

    /// <summary>Rejected by the middleware itself: gin's <c>AbortWithStatusJSON</c> (charset, no newline).</summary>
    public static Task RequestErrorAsync(HttpResponse response, int status, string message) =>
        Reply.JsonAsync(response, ErrorBody(status, message), status);

    /// <summary>An error from the chat handler, re-encoded by <c>AnthropicWriter.writeError</c>.</summary>
    public static Task HandlerErrorAsync(HttpResponse response, ApiException error) =>
        response.WriteAsync(error.StatusCode, Reply.JsonNoCharset, Encoding.UTF8.GetBytes(ErrorBody(error.StatusCode, error.Message) + "\n"));

    /// <summary>
    /// The middleware sets <c>Cache-Control: no-cache</c> on a streamed request before the handler runs,
    /// so even its errors carry it (its <c>Connection: keep-alive</c> is left to the HTTP layer here).
    /// </summary>
    public static void StreamHeaders(HttpResponse response) => response.SetHeader("Cache-Control", "no-cache");

    /// <summary><c>event: …\ndata: …\n\n</c>; the stream starts with the first event.</summary>
    public static async Task EventAsync(HttpResponse response, string name, GoJsonWriter data)
    {
        if (!response.HasStarted)
        {
            await response.StartStreamAsync(200, Reply.EventStream);
        }

        await response.WriteChunkAsync(Encoding.UTF8.GetBytes($"event: {name}\ndata: {data}\n\n"));
    }
}
