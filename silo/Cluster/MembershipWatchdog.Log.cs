namespace OllamaOrleans.Silo.Cluster;

public sealed partial class MembershipWatchdog
{
    [LoggerMessage(1, LogLevel.Information, "Cluster membership changed: {Left} silo(s) left, {Joined} joined, {Active} active; restarting the registry's hosts where they belong.")]
    private static partial void LogMembershipChanged(ILogger logger, int left, int joined, int active);

    [LoggerMessage(2, LogLevel.Warning, "Could not restart the registry's hosts after a membership change ({Reason}); the fleet's one-minute watchdog will.")]
    private static partial void LogRestartFailed(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Information, "The registry's hosts run where they belong after the membership change.")]
    private static partial void LogHostsRestarted(ILogger logger);
}
