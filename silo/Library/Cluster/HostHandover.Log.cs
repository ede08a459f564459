namespace OllamaOrleans.Silo.Cluster;

public sealed partial class HostHandover
{
    [LoggerMessage(1, LogLevel.Information, "Stopping: handed {Count} host(s) over to the other silos.")]
    private static partial void LogHandedOver(ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Warning, "Stopping: of {Count} host(s), {Left} were not handed over ({Reason}); the watchdog restarts them elsewhere.")]
    private static partial void LogHandoverIncomplete(ILogger logger, int count, int left, string reason);
}
