namespace OllamaSimulator.Api;

/// <summary>A failure Ollama reports as <c>{"error": Message}</c> with <see cref="StatusCode"/>.</summary>
internal sealed class ApiException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>Cloud-auth failures add a sign-in link beside the error.</summary>
    public string? SigninUrl { get; init; }

    public static ApiException BadRequest(string message) => new(400, message);

    public static ApiException NotFound(string message) => new(404, message);

    /// <summary>What a server that is not signed in to ollama.com answers for a cloud model.</summary>
    public static ApiException CloudUnauthorized() => new(401, "unauthorized")
    {
        SigninUrl = "https://ollama.com/connect?name=ollama-simulator&key=c2ltdWxhdGVkLW9sbGFtYS1rZXk",
    };
}
