namespace OllamaOrleans.Grains.Hosts;

/// <summary>The endpoint label values of the poll series.</summary>
public static class PollEndpoints
{
    public const string Version = "/api/version";
    public const string Tags = "/api/tags";
    public const string Ps = "/api/ps";

    public static IReadOnlyList<string> All { get; } = [Version, Tags, Ps];
}
