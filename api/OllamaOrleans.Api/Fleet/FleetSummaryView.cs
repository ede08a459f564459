namespace OllamaOrleans.Api.Fleet;

/// <summary>The fleet at a glance: hosts up and down, models loaded, VRAM used, and the same per host.</summary>
public sealed record FleetSummaryView(int Hosts, int Up, int Down, int NotPolledYet, int ModelsLoaded, long VramBytes, IReadOnlyList<HostSummaryView> PerHost);
