namespace OllamaSimulator.Http;

/// <summary>Reason phrases as Go's net/http writes them in the status line.</summary>
internal static class HttpStatus
{
    public static string ReasonPhrase(int status) => status switch
    {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        505 => "HTTP Version Not Supported",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        // Go prints "status code N" for codes it has no text for (Ollama's 499).
        _ => $"status code {status}",
    };
}
