using System.Runtime;

namespace OllamaOrleans.Silo.Hosting;

public static partial class MonitorLoggingExtensions
{
    /// <summary>
    /// One line per event, and the monitor's own messages rather than framework chatter: Orleans and
    /// Polly log placement and membership details at Information that an operator does not need.
    /// </summary>
    public static WebApplicationBuilder AddMonitorLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        // Orleans logs every failed state read and write, twice, with the Redis client's whole status:
        // during a Redis outage a line per grain per poll. StorageHealth says it once per outage.
        builder.Logging.AddFilter("Orleans.Persistence.RedisGrainStorage", LogLevel.Critical);
        builder.Logging.AddFilter("Orleans.Core.StateStorageBridge", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        return builder;
    }

    /// <summary>
    /// Orleans warns at start when the server garbage collector is off; the silo turns it off on
    /// purpose (silo/OllamaOrleans.Silo.csproj), so the log says why next to that warning.
    /// </summary>
    public static WebApplication LogGarbageCollector(this WebApplication app)
    {
        if (!GCSettings.IsServerGC)
        {
            LogWorkstationGc(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OllamaOrleans.Silo"));
        }

        return app;
    }
}
