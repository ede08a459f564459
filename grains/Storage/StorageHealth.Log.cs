using Microsoft.Extensions.Logging;

namespace OllamaOrleans.Grains.Storage;

public sealed partial class StorageHealth
{
    [LoggerMessage(1, LogLevel.Warning, "Grain storage writes fail: {Error}. Hosts keep being polled and served from memory, and every grain retries its write; a summary follows every {Interval} until writes succeed again.")]
    private static partial void LogFailing(ILogger logger, string error, TimeSpan interval);

    [LoggerMessage(2, LogLevel.Warning, "Grain storage writes still fail after {Duration}: {Failures} writes by {Grains} grains failed so far (last error: {Error}).")]
    private static partial void LogStillFailing(ILogger logger, TimeSpan duration, long failures, int grains, string error);

    [LoggerMessage(3, LogLevel.Information, "Grain storage writes succeed again after {Duration} of failures; {Failures} writes by {Grains} grains had failed and are being retried.")]
    private static partial void LogRecovered(ILogger logger, TimeSpan duration, long failures, int grains);
}
