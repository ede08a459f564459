using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// Makes a .NET process collect all generations now, from outside, as <c>dotnet-gcdump</c> does: an
/// EventPipe session asking the runtime for a GC heap snapshot (keyword GCHeapCollect) induces a
/// blocking gen-2 collection. The silo offers no endpoint for it, and should not.
/// </summary>
public static class InducedGc
{
    private const long GcHeapCollect = 0x800000;

    public static async Task CollectAsync(int pid)
    {
        var client = new DiagnosticsClient(pid);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollect)],
            requestRundown: false);
        // Drain what the session sends while the runtime collects; stopping ends the stream.
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await session.StopAsync(CancellationToken.None);
        await drain;
    }
}
