namespace OllamaOrleans.Silo.Hosting;

public sealed partial class FleetSeeder
{
    [LoggerMessage(1, LogLevel.Information, "Monitoring {Count} Ollama host(s): {Hosts}.")]
    private static partial void LogSeeded(ILogger logger, int count, string hosts);

    [LoggerMessage(2, LogLevel.Warning, "Could not seed the host registry; retrying in {Delay}.")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception, TimeSpan delay);
}
