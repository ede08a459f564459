namespace OllamaOrleans.Silo.Web;

/// <summary>The whole fleet in numbers, over every host (not only the page shown).</summary>
public sealed record FleetTotals(int Hosts, int Up, int Down, int Pending, int ModelsLoaded, long VramBytes);
