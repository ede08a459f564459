namespace OllamaOrleans.GrainInterfaces.Hosts;

/// <summary>Why one call to an Ollama endpoint failed; the values are the <c>reason</c> label.</summary>
[Alias("OllamaOrleans.PollFailureReason")]
public enum PollFailureReason
{
    /// <summary>No complete answer within the per-call timeout.</summary>
    Timeout,

    /// <summary>The TCP connection was refused: nothing listens on the port.</summary>
    Refused,

    /// <summary>Name resolution or another network error before an answer.</summary>
    Unreachable,

    /// <summary>An HTTP 4xx status.</summary>
    Http4xx,

    /// <summary>An HTTP 5xx status.</summary>
    Http5xx,

    /// <summary>A body that is not the JSON Ollama sends, or too large.</summary>
    Malformed,

    /// <summary>The connection closed before the whole answer arrived.</summary>
    Truncated,
}
