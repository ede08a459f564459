namespace OllamaOrleans.Silo.Resources;

public sealed partial class ResourceCollectionService
{
    [LoggerMessage(1, LogLevel.Information, "Process and GPU figures are off (Resources:Enabled is false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(2, LogLevel.Error, "Collecting process and GPU figures failed; retrying every cycle and logging again when it works.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Collecting process and GPU figures works again.")]
    private static partial void LogRecovered(ILogger logger);
}
