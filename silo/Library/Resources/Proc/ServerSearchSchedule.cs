namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary>
/// When to look for a host's server among every process's <c>fd</c> links (tens to hundreds of
/// milliseconds) while it cannot be found. Reading which sockets listen on the port is cheap, so it
/// is checked every sample: nothing listening means nothing to find; a listening socket that appears
/// or changes is searched for at once. A search that finds no visible owner (another user's process,
/// a container's own PID namespace) is repeated for the same sockets only after a back-off that
/// doubles from <paramref name="first"/> up to <paramref name="cap"/>, in case the socket passes to
/// a process that is visible (socket activation, a handed-over listener).
/// </summary>
public sealed class ServerSearchSchedule(TimeSpan first, TimeSpan cap)
{
    private IReadOnlySet<long> searched = new HashSet<long>();
    private DateTimeOffset nextAt = DateTimeOffset.MinValue;

    /// <summary>The wait before the next search for the same sockets; zero until a search came back empty.</summary>
    public TimeSpan Delay { get; private set; }

    /// <param name="listening">The inodes of the sockets listening on the server's port now.</param>
    /// <returns>Whether to search for the owner of <paramref name="listening"/> now.</returns>
    public bool Due(IReadOnlySet<long> listening, DateTimeOffset now)
    {
        if (listening.Count == 0)
        {
            Reset();
            return false;
        }

        if (!listening.SetEquals(searched))
        {
            searched = listening;
            Delay = TimeSpan.Zero;
            return true;
        }

        return now >= nextAt;
    }

    /// <summary>The search that <see cref="Due"/> allowed at <paramref name="now"/> found no owner.</summary>
    public void Missed(DateTimeOffset now)
    {
        Delay = Delay == TimeSpan.Zero ? first : Min(Delay * 2, cap);
        nextAt = now + Delay;
    }

    /// <summary>The server was found (or is followed otherwise): the next search, after it exits, runs at once.</summary>
    public void Reset()
    {
        searched = new HashSet<long>();
        Delay = TimeSpan.Zero;
        nextAt = DateTimeOffset.MinValue;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
