namespace OllamaOrleans.Protocol.Hosts;

/// <summary>
/// Few buckets on purpose: there is one histogram per host and endpoint, and the cardinality budget
/// is about 30 series per host.
/// </summary>
public static class PollLatencyBuckets
{
    public static IReadOnlyList<double> UpperBounds { get; } = [0.01, 0.05, 0.25, 1, 5];

    /// <summary>Index of the bucket a duration falls into; <c>UpperBounds.Count</c> means +Inf.</summary>
    public static int IndexOf(double seconds)
    {
        for (var i = 0; i < UpperBounds.Count; i++)
        {
            if (seconds <= UpperBounds[i])
            {
                return i;
            }
        }

        return UpperBounds.Count;
    }
}
