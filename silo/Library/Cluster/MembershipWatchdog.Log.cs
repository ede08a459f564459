namespace OllamaOrleans.Silo.Cluster;

public sealed partial class MembershipWatchdog
{
    [LoggerMessage(1, LogLevel.Information, "Cluster membership changed (#{Change}): {Left} silo(s) left, {Joined} joined, {Active} active; restarting the registry's hosts where they belong.")]
    private static partial void LogMembershipChanged(ILogger logger, long change, int left, int joined, int active);

    [LoggerMessage(2, LogLevel.Warning, "Could not restart the registry's hosts after membership change #{Change} ({Reason}); the fleet's one-minute watchdog will.")]
    private static partial void LogRestartFailed(ILogger logger, long change, string reason);

    [LoggerMessage(3, LogLevel.Information, "The registry's hosts run where they belong after membership change #{Change}.")]
    private static partial void LogHostsRestarted(ILogger logger, long change);
}
