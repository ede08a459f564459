using Microsoft.Extensions.Logging;

namespace OllamaOrleans.Api.Gateway;

public sealed partial class GrainHostDirectory
{
    [LoggerMessage(1, LogLevel.Warning, "The gateway could not refresh its host directory from the cluster; it keeps routing with what it knew.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
