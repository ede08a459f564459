using System.Net.Sockets;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Protocol.Ollama;
using Yarp.ReverseProxy.Forwarder;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class GatewayOutcomeTests
{
    private static readonly Exception Refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:11434)", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void RefusedConnection_IsRefused_AndNeverConnected()
    {
        Assert.Equal(RequestOutcomes.Refused, GatewayOutcome.FromForwarderError(ForwarderError.Request, Refused));
        Assert.True(GatewayOutcome.NeverConnected(ForwarderError.Request, Refused));
    }

    [Fact]
    public void NoRouteOrUnknownName_IsUnreachable_AndNeverConnected()
    {
        var noRoute = new HttpRequestException(HttpRequestError.ConnectionError, "No route to host", new SocketException((int)SocketError.HostUnreachable));
        var unknownName = new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known");

        Assert.Equal(RequestOutcomes.Unreachable, GatewayOutcome.FromForwarderError(ForwarderError.Request, noRoute));
        Assert.True(GatewayOutcome.NeverConnected(ForwarderError.Request, noRoute));
        Assert.True(GatewayOutcome.NeverConnected(ForwarderError.Request, unknownName));
    }

    [Fact]
    public void FailuresAfterTheRequestWasSent_MayHaveRunIt_AndAreNotNeverConnected()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("reset"));

        Assert.False(GatewayOutcome.NeverConnected(ForwarderError.Request, reset));
        Assert.False(GatewayOutcome.NeverConnected(ForwarderError.RequestTimedOut, new TaskCanceledException()));
        Assert.False(GatewayOutcome.NeverConnected(ForwarderError.ResponseBodyDestination, Refused));
        Assert.False(GatewayOutcome.NeverConnected(ForwarderError.Request, null));
    }
}
