using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Api.Hosts;

/// <summary>What the last poll of a host found.</summary>
public sealed record HostStatusView(
    bool Up,
    string? Version,
    DateTimeOffset? LastPollAt,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    int ModelsAvailable,
    int ModelsLoaded,
    long ModelsUntracked,
    long VramBytes)
{
    public static HostStatusView From(HostSnapshot s) => new(
        s.Up,
        s.Version,
        s.LastPollAt,
        s.LastSuccessAt,
        s.LastError,
        s.ModelsAvailable,
        s.ModelsLoaded,
        s.ModelsDropped,
        s.Models.Sum(m => m.Loaded?.VramBytes ?? 0));
}
