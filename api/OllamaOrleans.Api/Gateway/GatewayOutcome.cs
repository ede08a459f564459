using System.Net.Sockets;
using OllamaOrleans.Protocol.Diagnostics;
using OllamaOrleans.Protocol.Ollama;
using Yarp.ReverseProxy.Forwarder;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// How a proxied request ended, as the <c>status</c> label: the upstream's HTTP status, refined for a
/// 200 by what the body showed, or the failure class of a forwarding error — and what the gateway
/// answers itself when the upstream gave nothing (502, 504).
/// </summary>
public static class GatewayOutcome
{
    public static string FromForwarderError(ForwarderError error, Exception? exception) => error switch
    {
        ForwarderError.RequestTimedOut => RequestOutcomes.Timeout,
        ForwarderError.Request or ForwarderError.RequestCreation => IsRefused(exception) ? RequestOutcomes.Refused : RequestOutcomes.Unreachable,
        ForwarderError.ResponseHeaders => RequestOutcomes.Malformed,
        ForwarderError.ResponseBodyDestination or ForwarderError.RequestBodyDestination => RequestOutcomes.Truncated,
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
            or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient => RequestOutcomes.Disconnected,
        _ => RequestOutcomes.Unreachable,
    };

    /// <summary>
    /// No connection to the host could be made (refused, no route, name not resolved): the request
    /// never reached it, so another host can take it without running anything twice.
    /// </summary>
    public static bool NeverConnected(ForwarderError error, Exception? exception) =>
        error is ForwarderError.Request or ForwarderError.RequestCreation
        && (IsRefused(exception) || ExceptionChain.Of(exception).Any(e => e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }));

    /// <summary>The status the gateway answers with when nothing came from upstream.</summary>
    public static int GatewayStatus(string outcome) => outcome == RequestOutcomes.Timeout ? 504 : 502;

    public static string Message(string outcome, string host, TimeSpan timeout) => outcome switch
    {
        RequestOutcomes.Timeout => $"ollama host '{host}' did not answer within {timeout}",
        RequestOutcomes.Refused => $"ollama host '{host}' refused the connection",
        RequestOutcomes.Malformed => $"ollama host '{host}' sent an invalid response",
        _ => $"ollama host '{host}' is unreachable",
    };

    private static bool IsRefused(Exception? exception) =>
        ExceptionChain.Of(exception).Any(e => e is SocketException { SocketErrorCode: SocketError.ConnectionRefused });
}
