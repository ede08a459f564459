using System.Globalization;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Whether the api process's view of the cluster is recent enough to serve: its host directory is
/// read from the grains every few seconds, so a view older than <see cref="MaxAge"/> means the silos
/// have not answered for several rounds.
/// </summary>
public static class DirectoryFreshness
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    /// <summary>Null when ready; else why not, for <c>/ready</c>'s 503.</summary>
    public static string? Unready(DateTimeOffset? refreshed, DateTimeOffset now)
    {
        if (refreshed is not { } at)
        {
            return "the hosts have not been read from the cluster yet";
        }

        var age = now - at;
        return age > MaxAge
            ? string.Create(CultureInfo.InvariantCulture, $"the hosts were last read from the cluster {age.TotalSeconds:F0} s ago (over {MaxAge.TotalSeconds:F0} s): no silo answers")
            : null;
    }
}
