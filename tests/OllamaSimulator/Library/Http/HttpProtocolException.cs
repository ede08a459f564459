namespace OllamaSimulator.Http;

/// <summary>A request that cannot be parsed; answered with <see cref="StatusCode"/> and the connection closed.</summary>
internal sealed class HttpProtocolException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
