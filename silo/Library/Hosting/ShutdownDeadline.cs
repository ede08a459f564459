using Microsoft.Extensions.Options;

namespace OllamaOrleans.Silo.Hosting;

/// <summary>
/// Bounds a stop. Orleans retries writing the silo's status to the membership table for minutes
/// while Redis is unreachable, so a SIGTERM during a Redis outage used to leave the process running
/// until a supervisor killed it. Once the host's shutdown timeout and ten seconds more have passed
/// since the stop began, the silo logs that and exits with <see cref="ExitCode"/>: the other silos
/// find it dead by their probes, as after a crash.
/// </summary>
public static partial class ShutdownDeadline
{
    public const int ExitCode = 4;

    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static WebApplication BoundShutdown(this WebApplication app)
    {
        var services = app.Services;
        var deadline = services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout + Grace;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OllamaOrleans.Silo.Shutdown");
        var lifetime = app.Lifetime;
        var stopped = lifetime.ApplicationStopped;
        var hostLifetime = services.GetService<IHostLifetime>();
        var loggers = services.GetServices<ILoggerProvider>().ToList();
        lifetime.ApplicationStopping.Register(() => _ = ExitIfStillRunningAsync(stopped, deadline, logger, loggers, hostLifetime));
        return app;
    }

    private static async Task ExitIfStillRunningAsync(CancellationToken stopped, TimeSpan deadline, ILogger logger, List<ILoggerProvider> loggers, IHostLifetime? hostLifetime)
    {
        try
        {
            await Task.Delay(deadline, stopped);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        LogStopOverdue(logger, deadline, ExitCode);

        // The console logger writes from a queue; disposing it writes what is queued. The host's
        // lifetime would otherwise hold the exit until the host is disposed, which is what hangs.
        foreach (var provider in loggers)
        {
            provider.Dispose();
        }

        (hostLifetime as IDisposable)?.Dispose();
        Environment.Exit(ExitCode);
    }
}
