namespace OllamaOrleans.Tests.Api.Hosts;

/// <summary>One generated request, printable so a failure names what was sent.</summary>
public sealed record FuzzRequest(int Index, HttpMethod Method, string Path, byte[]? Body, string? MediaType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (MediaType is not null)
            {
                message.Content.Headers.ContentType = new(MediaType);
            }
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : System.Text.Encoding.UTF8.GetString(Body);
        return $"#{Index} {Method} /{Path} [{MediaType}] {(body.Length > 300 ? body[..300] + "…" : body)}";
    }
}
