namespace OllamaOrleans.Silo.Hosting;

public static partial class MonitorLoggingExtensions
{
    [LoggerMessage(1, LogLevel.Information, "Workstation garbage collector, as built: a monitor needs memory more than collection throughput (docs/benchmarks.md). Orleans' note recommending ServerGC does not apply; DOTNET_gcServer=1 switches to it.")]
    private static partial void LogWorkstationGc(ILogger logger);
}
