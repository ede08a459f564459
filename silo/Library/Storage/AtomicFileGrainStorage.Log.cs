namespace OllamaOrleans.Silo.Storage;

public sealed partial class AtomicFileGrainStorage
{
    [LoggerMessage(1, LogLevel.Error, "State of {Grain} could not be read and was moved to {Aside}; the grain starts fresh.")]
    private static partial void LogCorrupt(ILogger logger, Exception exception, string grain, string aside);
}
