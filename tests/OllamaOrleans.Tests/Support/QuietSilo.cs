using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Grains.Hosting;
using OllamaOrleans.Grains.Polling;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// The test clusters' silo: the monitor's grains on memory storage and reminders, with poll timers an
/// hour apart and unjittered, so tests drive polls themselves (<c>PollNowAsync</c>) and count exactly.
/// </summary>
public static class QuietSilo
{
    public static ISiloBuilder UseQuietMonitorGrains(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageNames.Monitor);
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.UseInMemoryReminderService();
        silo.Services.AddOllamaMonitorGrains();
        silo.Services.Configure<PollingOptions>(o =>
        {
            o.Interval = TimeSpan.FromHours(1);
            o.MaxStartDelay = TimeSpan.FromHours(1);
            o.RandomizeStart = false;
            o.Timeout = TimeSpan.FromSeconds(2);
        });
        return silo;
    }
}
