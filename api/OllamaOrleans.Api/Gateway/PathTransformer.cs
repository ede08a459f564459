using Microsoft.AspNetCore.Http;
using OllamaOrleans.Api.Security;
using Yarp.ReverseProxy.Forwarder;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Forwards to the host's base URL plus the path after the gateway prefix, query kept, headers as YARP
/// copies them, except the monitor's own API key, which Ollama must never see; a body the gateway
/// already read travels as <see cref="BufferedBodyHandler.Body"/>.
/// </summary>
public sealed class PathTransformer(PathString path, ReadOnlyMemory<byte>? body = null) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.RequestUri = new Uri(destinationPrefix.TrimEnd('/') + path.ToUriComponent() + httpContext.Request.QueryString.ToUriComponent());
        if (httpContext.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName })
        {
            ApiKeyCredentials.Remove(proxyRequest);
        }

        if (body is { } bytes && proxyRequest.Content is not null)
        {
            proxyRequest.Options.Set(BufferedBodyHandler.Body, bytes);
        }
    }
}
