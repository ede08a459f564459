using Microsoft.Extensions.Logging;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Fleet;

public sealed partial class FleetGrain
{
    [LoggerMessage(1, LogLevel.Information, "Host registry follows the configuration: {Added} added, {Updated} updated, {Removed} removed; {Total} hosts registered.")]
    private static partial void LogSeeded(ILogger logger, int added, int updated, int removed, int total);

    [LoggerMessage(2, LogLevel.Debug, "Could not start host grain {Host}; the next pass tries again.")]
    private static partial void LogHostStartFailed(ILogger logger, Exception exception, string host);

    [LoggerMessage(3, LogLevel.Information, "Host {Host} {Outcome} ({Url}, {Source}).")]
    private static partial void LogEdited(ILogger logger, string host, RegistryOutcome outcome, string url, HostSource source);

    [LoggerMessage(4, LogLevel.Information, "Transient host {Host} removed: not probed for {Expiry}.")]
    private static partial void LogTransientExpired(ILogger logger, string host, TimeSpan expiry);

    [LoggerMessage(5, LogLevel.Information, "Host start pass done: {Started} started, {Skipped} no longer registered, of {Total}, in {Seconds:F1} s.")]
    private static partial void LogPassDone(ILogger logger, int started, int skipped, int total, double seconds);

    [LoggerMessage(6, LogLevel.Warning, "Host start pass done: {Started} started, {Failed} could not be started, of {Total}, in {Seconds:F1} s (first: {Host}, {Reason}); the next pass tries again, within a minute.")]
    private static partial void LogPassFailures(ILogger logger, int started, int failed, int total, double seconds, string host, string reason);
}
