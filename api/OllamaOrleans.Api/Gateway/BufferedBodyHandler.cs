namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Sends a request body the gateway has already read (to find the model) as one fixed-length
/// content, so that headers and body leave in one write. YARP streams every request body after
/// flushing the headers on their own, which costs small inference requests a round of latency on
/// servers that wait for the body; YARP does not let a transformer replace its content, so the swap
/// happens here, below the forwarder, for requests that carry <see cref="Body"/>.
/// </summary>
public sealed class BufferedBodyHandler : DelegatingHandler
{
    /// <summary>The bytes to send instead of the streamed body; set by <see cref="PathTransformer"/>.</summary>
    public static readonly HttpRequestOptionsKey<ReadOnlyMemory<byte>> Body = new("OllamaOrleans.Gateway.BufferedBody");

    public BufferedBodyHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } streamed && request.Options.TryGetValue(Body, out var body))
        {
            var buffered = new ReadOnlyMemoryContent(body);
            foreach (var header in streamed.Headers)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            buffered.Headers.ContentLength = body.Length;
            request.Content = buffered;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
