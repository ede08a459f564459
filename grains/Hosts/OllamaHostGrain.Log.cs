using Microsoft.Extensions.Logging;

namespace OllamaOrleans.Grains.Hosts;

public sealed partial class OllamaHostGrain
{
    [LoggerMessage(1, LogLevel.Information, "Monitoring Ollama host {Host} at {Url}: version {Version}, {Available} models on disk, {Loaded} loaded.")]
    private static partial void LogFirstUp(ILogger logger, string host, string url, string version, int available, int loaded);

    [LoggerMessage(2, LogLevel.Warning, "Ollama host {Host} at {Url} is not reachable: {Error}. The monitor keeps polling every {Interval} and logs again when this changes.")]
    private static partial void LogFirstDown(ILogger logger, string host, string url, string error, TimeSpan interval);

    [LoggerMessage(3, LogLevel.Warning, "Ollama host {Host} at {Url} went down: {Error}.")]
    private static partial void LogWentDown(ILogger logger, string host, string url, string error);

    [LoggerMessage(4, LogLevel.Information, "Ollama host {Host} at {Url} is up again (version {Version}) after {Downtime} down.")]
    private static partial void LogCameBack(ILogger logger, string host, string url, string version, TimeSpan downtime);

    [LoggerMessage(5, LogLevel.Error, "Polling host {Host} failed unexpectedly; the next poll runs as scheduled.")]
    private static partial void LogPollCrashed(ILogger logger, Exception exception, string host);

    [LoggerMessage(6, LogLevel.Warning, "Host {Host}: a model grain did not take its observation; it is delivered again with the next poll.")]
    private static partial void LogModelCallFailed(ILogger logger, Exception exception, string host);



    [LoggerMessage(9, LogLevel.Information, "Host {Host} removed from monitoring.")]
    private static partial void LogDecommissioned(ILogger logger, string host);

    [LoggerMessage(10, LogLevel.Information, "Host {Host} at {Url} moves to silo {Silo}, which runs on its Ollama node and can read its processes and GPUs.")]
    private static partial void LogMovingToNode(ILogger logger, string host, string url, string silo);
}
