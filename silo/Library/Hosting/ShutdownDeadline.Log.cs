namespace OllamaOrleans.Silo.Hosting;

public static partial class ShutdownDeadline
{
    [LoggerMessage(1, LogLevel.Error, "The silo has not stopped {Deadline} after the stop began (is Redis reachable? Orleans keeps retrying the membership table); exiting with code {ExitCode}. The other silos take over its hosts when they find it dead.")]
    private static partial void LogStopOverdue(ILogger logger, TimeSpan deadline, int exitCode);
}
