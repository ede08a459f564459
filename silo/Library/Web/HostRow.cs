namespace OllamaOrleans.Silo.Web;

/// <summary>One host's line on the fleet page.</summary>
public sealed record HostRow(
    string Name,
    string Url,
    HostState State,
    string? Version,
    IReadOnlyList<string> OnDisk,
    IReadOnlyList<LoadedModelRow> Loaded,
    DateTimeOffset? LastPollAt,
    DateTimeOffset? LastSuccessAt,
    string? LastError)
{
    public long VramBytes => Loaded.Sum(m => m.VramBytes);
}
