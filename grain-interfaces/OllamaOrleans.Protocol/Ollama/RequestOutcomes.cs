namespace OllamaOrleans.Protocol.Ollama;

/// <summary>Outcome classes of a measured request; failures are HTTP codes or these words.</summary>
public static class RequestOutcomes
{
    public const string Ok = "ok";
    public const string Timeout = "timeout";
    public const string Refused = "refused";
    public const string Unreachable = "unreachable";
    public const string Malformed = "malformed";
    public const string Truncated = "truncated";
    public const string Disconnected = "disconnected";
    public const string StreamError = "stream_error";
}
