using System.Net;
using Microsoft.Extensions.Options;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// The one pooled HTTP client the forwarder uses, configured as YARP recommends for proxying, with
/// <see cref="BufferedBodyHandler"/> sending bodies the gateway already read in one write; its
/// connections go through the <see cref="TargetGuard"/> like the grains' polls.
/// </summary>
public sealed class GatewayHttpClient(IOptions<GatewayOptions> options, TargetGuard guard) : IDisposable
{
    public HttpMessageInvoker Invoker { get; } = new(new BufferedBodyHandler(new SocketsHttpHandler
    {
        ConnectCallback = guard.ConnectAsync,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = options.Value.ConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        EnableMultipleHttp2Connections = true,

        // The client's own trace headers pass through as YARP copies them; no diagnostics layer per request.
        ActivityHeadersPropagator = null,
    }));

    public void Dispose() => Invoker.Dispose();
}
