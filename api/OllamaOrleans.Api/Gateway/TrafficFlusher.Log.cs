using Microsoft.Extensions.Logging;

namespace OllamaOrleans.Api.Gateway;

public sealed partial class TrafficFlusher
{
    [LoggerMessage(1, LogLevel.Warning, "Gateway measurements could not reach the model grains ({Count} dropped and counted in ollama_gateway_records_dropped_total); proxying goes on. Logged again when delivery recovers.")]
    private static partial void LogUndelivered(ILogger logger, Exception exception, int count);

    [LoggerMessage(2, LogLevel.Information, "Gateway measurements reach the model grains again.")]
    private static partial void LogDelivering(ILogger logger);
}
