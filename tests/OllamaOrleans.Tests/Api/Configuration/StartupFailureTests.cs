using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;

namespace OllamaOrleans.Tests.Api.Configuration;

public sealed class StartupFailureTests
{
    private static Exception KestrelBindFailure(int port) =>
        new IOException($"Failed to bind to address http://[::]:{port}: address already in use.", new AddressInUseException("Address already in use", new SocketException(98)));

    private static Exception OrleansBindFailure() => new AddressInUseException("Address already in use", new SocketException(98));

    private static (int Code, string[] Lines) Report(Exception e, string settings)
    {
        using var error = new StringWriter();
        var code = StartupFailure.ReportPortInUse(e, settings, error);
        return (code, error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void KestrelPortInUse_IsReportedWithTheAddress_AndExitCode3()
    {
        var failure = KestrelBindFailure(39150);

        Assert.True(StartupFailure.IsPortInUse(failure));
        Assert.False(StartupFailure.IsConfigurationError(failure));
        var (code, lines) = Report(failure, "API_PORT and Gateway:Listeners");
        Assert.Equal(3, code);
        Assert.Equal(
            [
                "OllamaOrleans cannot start: a port it listens on is in use by another process.",
                "  Failed to bind to address http://[::]:39150: address already in use.",
                "  Stop that process or choose free ports with API_PORT and Gateway:Listeners.",
            ],
            lines);
    }

    [Fact]
    public void OrleansPortInUse_IsReported_FromTheBareBindError()
    {
        var (code, lines) = Report(OrleansBindFailure(), "Orleans:SiloPort");

        Assert.Equal(3, code);
        Assert.Equal("  Address already in use", lines[1]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void SeveralBindFailures_AreEachNamedOnce()
    {
        var failure = new AggregateException(KestrelBindFailure(9619), OrleansBindFailure(), KestrelBindFailure(9619));

        Assert.True(StartupFailure.IsPortInUse(failure));
        var (_, lines) = Report(failure, "EXPORTER_PORT");
        Assert.Equal(["  Failed to bind to address http://[::]:9619: address already in use.", "  Address already in use"], lines[1..^1]);
    }

    [Fact]
    public void OtherStartupErrors_AreNotPortsInUse()
    {
        Assert.False(StartupFailure.IsPortInUse(new IOException("disk full")));
        Assert.False(StartupFailure.IsPortInUse(new SocketException(111)));
        Assert.False(StartupFailure.IsPortInUse(new OptionsValidationException("Monitor", typeof(object), ["bad"])));
    }
}
