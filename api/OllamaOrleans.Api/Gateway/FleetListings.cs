using System.Text.Json.Nodes;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// What <c>/fleet</c> answers for Ollama's listing endpoints, built from the hosts' snapshots, so a
/// client pointed at the fleet sees one Ollama with every model: <c>/api/tags</c> (models on any host
/// that is up), <c>/api/ps</c> (loaded anywhere), <c>/api/version</c>, <c>/v1/models</c>.
/// </summary>
public static class FleetListings
{
    public static JsonObject Tags(IReadOnlyList<HostSnapshot> hosts) => new()
    {
        ["models"] = new JsonArray([.. Distinct(hosts, m => m.Available is not null).Select(m => (JsonNode)new JsonObject
        {
            ["name"] = m.Name,
            ["model"] = m.Name,
            ["modified_at"] = m.Available!.ModifiedAt?.ToString("O"),
            ["size"] = m.Available.SizeBytes,
            ["digest"] = m.Available.Digest,
            ["details"] = Details(m.Details),
        })]),
    };

    public static JsonObject Ps(IReadOnlyList<HostSnapshot> hosts) => new()
    {
        ["models"] = new JsonArray([.. Distinct(hosts, m => m.Loaded is not null).Select(m => (JsonNode)new JsonObject
        {
            ["name"] = m.Name,
            ["model"] = m.Name,
            ["size"] = m.Loaded!.MemoryBytes,
            ["digest"] = m.Loaded.Digest,
            ["details"] = Details(m.Details),
            ["expires_at"] = m.Loaded.ExpiresAt?.ToString("O"),
            ["size_vram"] = m.Loaded.VramBytes,
            ["context_length"] = m.Loaded.ContextLength,
        })]),
    };

    /// <summary>The lowest version among hosts that are up: what every host of the fleet supports.</summary>
    public static JsonObject Version(IReadOnlyList<HostSnapshot> hosts) => new()
    {
        ["version"] = hosts.Where(h => h.Up && h.Version is not null && h.Version != "unknown")
            .Select(h => h.Version!)
            .OrderBy(v => System.Version.TryParse(v.Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
            .FirstOrDefault() ?? "0.0.0",
    };

    public static JsonObject OpenAiModels(IReadOnlyList<HostSnapshot> hosts)
    {
        var models = Distinct(hosts, m => m.Available is not null).ToList();
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = models.Count == 0 ? null : new JsonArray([.. models.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Name,
                ["object"] = "model",
                ["created"] = m.Available!.ModifiedAt?.ToUnixTimeSeconds() ?? 0,
                ["owned_by"] = Owner(m.Name),
            })]),
        };
    }

    private static IEnumerable<ModelSnapshot> Distinct(IReadOnlyList<HostSnapshot> hosts, Func<ModelSnapshot, bool> keep) =>
        hosts.Where(h => h.Up)
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .SelectMany(h => h.Models.Where(keep))
            .DistinctBy(m => ModelName.Canonical(m.Name))
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    private static JsonObject Details(ModelDetails d) => new()
    {
        ["parent_model"] = "",
        ["format"] = d.Format,
        ["family"] = d.Family,
        ["families"] = d.Families.IsDefaultOrEmpty ? null : new JsonArray([.. d.Families.Select(f => (JsonNode)f)]),
        ["parameter_size"] = d.ParameterSize,
        ["quantization_level"] = d.QuantizationLevel,
    };

    private static string Owner(string name)
    {
        var parts = name.Split(':')[0].Split('/');
        return parts.Length >= 2 ? parts[^2] : "library";
    }
}
