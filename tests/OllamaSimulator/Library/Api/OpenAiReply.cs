using System.Text;
using OllamaSimulator.Http;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// Ollama's OpenAI middleware output: bodies from <c>json.Encoder</c> (trailing newline, no charset),
/// errors in OpenAI's envelope with the native status.
/// </summary>
internal static class OpenAiReply
{
    public static string ErrorType(int status) => status switch
    {
        400 => "invalid_request_error",
        404 => "not_found_error",
        _ => "api_error",
    };

    public static GoJsonWriter ErrorBody(int status, string message) => new GoJsonWriter().StartObject()
        .Name("error").StartObject()
        .Property("message", message)
        .Property("type", ErrorType(status))
        .Name("param").Null()
        .Name("code").Null()
        .EndObject()
        .EndObject();

    /// <summary>Rejected by the middleware itself (bad body): gin's <c>AbortWithStatusJSON</c>.</summary>
    public static Task RequestErrorAsync(HttpResponse response, int status, string message) =>
        Reply.JsonAsync(response, ErrorBody(status, message), status);

    /// <summary>An error coming back from the native handler, re-encoded by the middleware's writer.</summary>
    public static Task HandlerErrorAsync(HttpResponse response, ApiException error) =>
        response.WriteAsync(error.StatusCode, Reply.JsonNoCharset, Encoding.UTF8.GetBytes(ErrorBody(error.StatusCode, error.Message) + "\n"));

    public static Task JsonAsync(HttpResponse response, GoJsonWriter json) =>
        response.WriteAsync(200, Reply.JsonNoCharset, Encoding.UTF8.GetBytes(json + "\n"));

    /// <summary>One server-sent event, started lazily so errors before it keep their status.</summary>
    public static async Task EventAsync(HttpResponse response, string data)
    {
        if (!response.HasStarted)
        {
            await response.StartStreamAsync(200, Reply.EventStream);
        }

        await response.WriteChunkAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"));
    }

    public static void WriteUsage(GoJsonWriter json, long promptTokens, long completionTokens) => json
        .Name("usage").StartObject()
        .Property("prompt_tokens", promptTokens)
        .Property("completion_tokens", completionTokens)
        .Property("total_tokens", promptTokens + completionTokens)
        .EndObject();
}
