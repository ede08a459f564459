using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Protocol.Diagnostics;

namespace OllamaOrleans.Grains.Ollama;

/// <summary>Maps what a call threw or answered to a <see cref="PollFailureReason"/>.</summary>
public static class FailureClassifier
{
    public static PollFailure FromStatus(HttpStatusCode status, string endpoint)
    {
        var code = (int)status;
        var reason = code is >= 400 and < 500 ? PollFailureReason.Http4xx : PollFailureReason.Http5xx;
        return new PollFailure(reason, $"{endpoint} answered HTTP {code}");
    }

    /// <param name="exception">What the call threw.</param>
    /// <param name="timedOut">Whether the per-call timeout had fired when it threw.</param>
    /// <param name="endpoint">The endpoint, for the message.</param>
    public static PollFailure FromException(Exception exception, bool timedOut, string endpoint)
    {
        if (timedOut)
        {
            return new PollFailure(PollFailureReason.Timeout, $"{endpoint} did not answer within the timeout");
        }

        return exception switch
        {
            MalformedResponseException m => new PollFailure(PollFailureReason.Malformed, m.Message),
            HttpRequestException h => FromHttpRequest(h, endpoint),
            HttpIOException io => FromHttpIo(io, endpoint),
            SocketException s => FromSocket(s, endpoint),
            IOException io => new PollFailure(PollFailureReason.Truncated, $"{endpoint}: connection lost while reading the answer ({io.Message})"),
            _ => new PollFailure(PollFailureReason.Unreachable, $"{endpoint}: {exception.GetType().Name}: {exception.Message}"),
        };
    }

    private static PollFailure FromHttpRequest(HttpRequestException e, string endpoint)
    {
        if (Find<SocketException>(e) is { } socket)
        {
            return FromSocket(socket, endpoint);
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new PollFailure(PollFailureReason.Unreachable, $"{endpoint}: name resolution failed ({e.Message})"),
            HttpRequestError.ResponseEnded => new PollFailure(PollFailureReason.Truncated, $"{endpoint}: connection closed before the answer was complete"),
            HttpRequestError.InvalidResponse => new PollFailure(PollFailureReason.Malformed, $"{endpoint}: invalid HTTP response ({e.Message})"),
            _ when Find<HttpIOException>(e) is { } io => FromHttpIo(io, endpoint),
            _ => new PollFailure(PollFailureReason.Unreachable, $"{endpoint}: {e.Message}"),
        };
    }

    private static PollFailure FromHttpIo(HttpIOException e, string endpoint) => e.HttpRequestError switch
    {
        HttpRequestError.InvalidResponse => new PollFailure(PollFailureReason.Malformed, $"{endpoint}: invalid HTTP response ({e.Message})"),
        _ => new PollFailure(PollFailureReason.Truncated, $"{endpoint}: connection closed before the answer was complete ({e.Message})"),
    };

    private static PollFailure FromSocket(SocketException e, string endpoint) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => new PollFailure(PollFailureReason.Refused, $"{endpoint}: connection refused"),
        SocketError.TimedOut => new PollFailure(PollFailureReason.Timeout, $"{endpoint}: connect timed out"),
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
            new PollFailure(PollFailureReason.Truncated, $"{endpoint}: connection reset"),
        _ => new PollFailure(PollFailureReason.Unreachable, $"{endpoint}: {e.SocketErrorCode} ({e.Message})"),
    };

    private static T? Find<T>(Exception e)
        where T : Exception => ExceptionChain.Of(e).OfType<T>().FirstOrDefault();
}
