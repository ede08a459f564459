namespace OllamaSimulator;

/// <summary>How a simulated host misbehaves; set per host, <see cref="None"/> heals.</summary>
public enum FaultMode
{
    None,

    /// <summary>The port stops listening: connects are refused and open connections are dropped.</summary>
    Down,

    /// <summary>Requests are read but never answered.</summary>
    Hang,

    /// <summary>Every answer is delayed by the fault's delay.</summary>
    Slow,

    /// <summary>Every <c>/api/*</c> and <c>/v1/*</c> route answers 500 with an Ollama-style error.</summary>
    Error,

    /// <summary>JSON answers keep status 200 and their framing but are not parseable.</summary>
    Malformed,

    /// <summary>Bodies and streams are cut half-way by closing the connection.</summary>
    Truncated,

    /// <summary>
    /// Only <c>/api/ps</c> answers the fault's delay late: Ollama's PsHandler takes the scheduler's lock,
    /// which a health check (up to 10 s) or a wait for VRAM to free (up to 5 s) can hold
    /// (server/sched.go). Every other route answers at once.
    /// </summary>
    SlowPs,
}
