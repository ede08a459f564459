namespace OllamaSimulator.Http;

/// <summary>How the transport damages a response, for the simulator's fault modes.</summary>
internal enum ResponseFault
{
    None,

    /// <summary>Send part of the response, then close the connection.</summary>
    Truncate,

    /// <summary>Keep the framing, but cut every JSON document so that no parser accepts it.</summary>
    Malform,
}
