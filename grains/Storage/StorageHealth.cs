using Microsoft.Extensions.Logging;

namespace OllamaOrleans.Grains.Storage;

/// <summary>
/// The silo's one voice about grain storage. Grains report each write; while storage fails (Redis
/// down) they keep their state in memory, go on polling and retry, and this says so once, then a
/// summary a minute, then once when writes succeed again: a line per outage, not per grain per poll.
/// </summary>
public sealed partial class StorageHealth(TimeProvider time, ILogger<StorageHealth> logger)
{
    /// <summary>How often a continuing outage is summarised.</summary>
    public static readonly TimeSpan SummaryInterval = TimeSpan.FromMinutes(1);

    private const int MaxErrorLength = 200;
    private readonly Lock gate = new();
    private readonly HashSet<string> failedGrains = new(StringComparer.Ordinal);
    private volatile bool failing;
    private DateTimeOffset failingSince;
    private DateTimeOffset lastSummary;
    private long failures;

    /// <summary>Whether the last write reported failed (until one succeeds).</summary>
    public bool IsFailing => failing;

    /// <summary>Writes that failed since storage was last healthy.</summary>
    public long Failures
    {
        get
        {
            lock (gate)
            {
                return failures;
            }
        }
    }

    public void Failed(string grain, Exception exception)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            failures++;
            failedGrains.Add(grain);
            if (!failing)
            {
                failing = true;
                failingSince = now;
                lastSummary = now;
                LogFailing(logger, Describe(exception), SummaryInterval);
            }
            else if (now - lastSummary >= SummaryInterval)
            {
                lastSummary = now;
                LogStillFailing(logger, now - failingSince, failures, failedGrains.Count, Describe(exception));
            }
        }
    }

    public void Succeeded()
    {
        // The common case, every write of a healthy silo: no lock.
        if (!failing)
        {
            return;
        }

        lock (gate)
        {
            if (!failing)
            {
                return;
            }

            failing = false;
            LogRecovered(logger, time.GetUtcNow() - failingSince, failures, failedGrains.Count);
            failures = 0;
            failedGrains.Clear();
        }
    }

    /// <summary>The innermost message, cut short: Redis client errors carry a whole status dump.</summary>
    private static string Describe(Exception exception)
    {
        var message = exception.GetBaseException().Message;
        var end = message.IndexOf(" - ", StringComparison.Ordinal);
        if (end > 0)
        {
            message = message[..end];
        }

        return message.Length <= MaxErrorLength ? message : message[..MaxErrorLength] + "…";
    }
}
