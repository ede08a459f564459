using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Silo.Web;

/// <summary>One registered host and its last snapshot (null: not polled yet, or its grain has not published one).</summary>
public sealed record FleetHost(string Name, string Url, HostSnapshot? Snapshot);
