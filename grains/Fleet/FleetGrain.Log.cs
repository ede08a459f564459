using Microsoft.Extensions.Logging;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Fleet;

public sealed partial class FleetGrain
{
    [LoggerMessage(1, LogLevel.Information, "Host registry follows the configuration: {Added} added, {Updated} updated, {Removed} removed; {Total} hosts registered.")]
    private static partial void LogSeeded(ILogger logger, int added, int updated, int removed, int total);

    [LoggerMessage(2, LogLevel.Warning, "The watchdog could not start host grain {Host}; it tries again in a minute.")]
    private static partial void LogHostStartFailed(ILogger logger, Exception exception, string host);

    [LoggerMessage(3, LogLevel.Information, "Host {Host} {Outcome} ({Url}, {Source}).")]
    private static partial void LogEdited(ILogger logger, string host, RegistryOutcome outcome, string url, HostSource source);

    [LoggerMessage(4, LogLevel.Information, "Transient host {Host} removed: not probed for {Expiry}.")]
    private static partial void LogTransientExpired(ILogger logger, string host, TimeSpan expiry);
}
