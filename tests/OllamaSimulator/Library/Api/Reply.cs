using System.Text;
using OllamaSimulator.Http;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>Ollama's reply shapes: gin's <c>c.JSON</c>, its error envelope, and its plain-text pages.</summary>
internal static class Reply
{
    public const string Json = "application/json; charset=utf-8";

    /// <summary>What Ollama's <c>streamResponse</c> and the OpenAI middleware send: no charset.</summary>
    public const string JsonNoCharset = "application/json";

    public const string Ndjson = "application/x-ndjson";

    public const string EventStream = "text/event-stream";

    public const string PlainUtf8 = "text/plain; charset=utf-8";

    /// <summary>gin's 404/405 pages are plain <c>text/plain</c>, no charset.</summary>
    public const string Plain = "text/plain";

    public static Task JsonAsync(HttpResponse response, GoJsonWriter json, int status = 200, string contentType = Json) =>
        response.WriteAsync(status, contentType, json.ToUtf8());

    public static Task ErrorAsync(HttpResponse response, int status, string message, string contentType = Json) =>
        JsonAsync(response, ErrorBody(message), status, contentType);

    public static GoJsonWriter ErrorBody(string message) => new GoJsonWriter().StartObject().Property("error", message).EndObject();

    public static Task NotFoundPageAsync(HttpResponse response) => response.WriteTextAsync(404, Plain, "404 page not found");

    public static Task MethodNotAllowedAsync(HttpResponse response) => response.WriteTextAsync(405, Plain, "405 method not allowed");

    public static byte[] Line(GoJsonWriter json) => Encoding.UTF8.GetBytes(json + "\n");
}
