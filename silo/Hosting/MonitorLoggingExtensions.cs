namespace OllamaOrleans.Silo.Hosting;

public static class MonitorLoggingExtensions
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
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        return builder;
    }
}
