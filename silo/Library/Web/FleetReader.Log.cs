namespace OllamaOrleans.Silo.Web;

public sealed partial class FleetReader
{
    [LoggerMessage(1, LogLevel.Warning, "The fleet page could not read the models' statistics from the host grains; it shows the hosts without them until they can be read.")]
    private static partial void LogStatisticsFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "The fleet page reads the models' statistics again.")]
    private static partial void LogStatisticsRecovered(ILogger logger);
}
