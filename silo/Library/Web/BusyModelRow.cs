namespace OllamaOrleans.Silo.Web;

/// <summary>One of the busiest models over the last five minutes, merged over the hosts it ran on.</summary>
public sealed record BusyModelRow(string Model, int Hosts, long Requests, long Errors, double? TokensPerSecond, double? P95Seconds);
