namespace OllamaOrleans.Silo.Hosting;

public static partial class DashboardAccess
{
    [LoggerMessage(1, LogLevel.Warning, "The Orleans Dashboard (/dashboard) needs an admin API key in cluster mode and none is configured, so it answers 401. Configure a key (`dotnet OllamaOrleans.Silo.dll --new-key`, then Auth:Keys) or open it with Auth:Dashboard=anonymous.")]
    private static partial void LogLocked(ILogger logger);
}
