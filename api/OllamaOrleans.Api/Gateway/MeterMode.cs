namespace OllamaOrleans.Api.Gateway;

/// <summary>How a response body is read as it passes: by its content type, not by the request's stream flag.</summary>
public enum MeterMode
{
    /// <summary>Not read (an error page, a passthrough).</summary>
    None,

    /// <summary><c>application/x-ndjson</c>: one JSON object per line (native streams).</summary>
    Ndjson,

    /// <summary><c>text/event-stream</c>: <c>data: …</c> events (OpenAI streams).</summary>
    Sse,

    /// <summary>One JSON document, read when it is complete (non-streamed answers).</summary>
    Json,
}
