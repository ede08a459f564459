using System.Net;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// The one pooled HTTP client the forwarder uses, configured as YARP recommends for proxying, with
/// <see cref="BufferedBodyHandler"/> sending bodies the gateway already read in one write.
/// </summary>
public sealed class GatewayHttpClient(IOptions<GatewayOptions> options) : IDisposable
{
    public HttpMessageInvoker Invoker { get; } = new(new BufferedBodyHandler(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = options.Value.ConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        EnableMultipleHttp2Connections = true,
    }));

    public void Dispose() => Invoker.Dispose();
}
