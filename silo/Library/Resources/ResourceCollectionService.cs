using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Hosting;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// Runs <see cref="ResourceSampler"/> every busy interval for the life of the silo (each cycle samples
/// only the hosts that are due). A failing cycle is logged when it starts failing and when it recovers.
/// </summary>
public sealed partial class ResourceCollectionService(
    ResourceSampler sampler,
    IOptions<ResourceOptions> options,
    TimeProvider time,
    ILogger<ResourceCollectionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        var failing = false;
        do
        {
            try
            {
                await sampler.CollectAsync();
                if (failing)
                {
                    failing = false;
                    LogRecovered(logger);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (!failing)
                {
                    failing = true;
                    LogFailed(logger, e);
                }
            }
        }
        while (await time.PauseAsync(settings.BusyInterval, stoppingToken));
    }
}
