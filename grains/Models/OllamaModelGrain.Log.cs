using Microsoft.Extensions.Logging;

namespace OllamaOrleans.Grains.Models;

public sealed partial class OllamaModelGrain
{
    [LoggerMessage(1, LogLevel.Warning, "Probe of {Model} on {Host} failed: {Status} {Message}")]
    private static partial void LogProbeFailed(ILogger logger, string host, string model, string status, string message);

    [LoggerMessage(2, LogLevel.Information, "Probe of {Model} on {Host} succeeds again.")]
    private static partial void LogProbeRecovered(ILogger logger, string host, string model);

    [LoggerMessage(3, LogLevel.Error, "Probe of {Model} on {Host} failed unexpectedly; the next one runs as scheduled.")]
    private static partial void LogProbeCrashed(ILogger logger, Exception exception, string host, string model);
}
