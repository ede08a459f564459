using OllamaSimulator.Http;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// Ollama's <c>streamResponse</c>: the 200 and headers go out with the first object, so an error before it
/// is still a real status; after it, an error is one more <c>{"error":…}</c> line.
/// </summary>
internal sealed class NdjsonStream(HttpResponse response)
{
    public bool HasStarted => response.HasStarted;

    public async Task WriteAsync(GoJsonWriter json)
    {
        if (!response.HasStarted)
        {
            await response.StartStreamAsync(200, Reply.Ndjson);
        }

        await response.WriteChunkAsync(Reply.Line(json));
    }

    public Task EndAsync() => response.EndStreamAsync();

    /// <summary>Reports a failure the way Ollama does at this point of the stream.</summary>
    public async Task FailAsync(ApiException error)
    {
        if (!response.HasStarted)
        {
            await Reply.ErrorAsync(response, error.StatusCode, error.Message, Reply.JsonNoCharset);
            return;
        }

        await response.WriteChunkAsync(Reply.Line(Reply.ErrorBody(error.Message)));
        await response.EndStreamAsync();
    }
}
