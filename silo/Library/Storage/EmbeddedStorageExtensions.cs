using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Grains.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace OllamaOrleans.Silo.Storage;

public static class EmbeddedStorageExtensions
{
    /// <summary>
    /// The embedded default's grain storage: in memory, or in files under <c>Monitor:StateDirectory</c>
    /// when set, so a restart keeps the registry, the counters and the rolling windows.
    /// </summary>
    public static ISiloBuilder AddEmbeddedStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var directory = configuration["Monitor:StateDirectory"];
        if (string.IsNullOrWhiteSpace(directory))
        {
            return silo.AddMemoryGrainStorage(StorageNames.Monitor);
        }

        var full = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidSettingsException([$"Monitor:StateDirectory: '{directory}' cannot be created or written: {e.Message}"]);
        }

        silo.Services.AddGrainStorage(StorageNames.Monitor, (services, _) => new AtomicFileGrainStorage(
            full,
            services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<ILogger<AtomicFileGrainStorage>>()));
        return silo;
    }
}
