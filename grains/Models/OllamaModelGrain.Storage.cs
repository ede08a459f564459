using OllamaOrleans.Grains.Storage;

namespace OllamaOrleans.Grains.Models;

public sealed partial class OllamaModelGrain
{
    private static readonly TimeSpan WriteRetryInterval = TimeSpan.FromSeconds(10);
    private StateWriter<OllamaModelState>? stateWriter;
    private IGrainTimer? writeRetryTimer;

    private StateWriter<OllamaModelState> Writer => stateWriter ??= new(state, storageHealth, this.GetPrimaryKeyString());

    /// <summary>
    /// Writes the state; when storage fails, retries on a timer until it succeeds, since a model grain
    /// writes only on news and may hear none for a long time.
    /// </summary>
    private async Task WriteStateAsync()
    {
        if (await Writer.WriteAsync())
        {
            return;
        }

        writeRetryTimer ??= this.RegisterGrainTimer(RetryWriteAsync, new GrainTimerCreationOptions
        {
            DueTime = WriteRetryInterval,
            Period = WriteRetryInterval,
            KeepAlive = true,
        });
    }

    private async Task RetryWriteAsync(CancellationToken cancellationToken)
    {
        await Writer.RetryPendingAsync();
        if (!Writer.Pending)
        {
            writeRetryTimer?.Dispose();
            writeRetryTimer = null;
        }
    }
}
