using System.Security.Cryptography;
using System.Text;
using OllamaSimulator.Models;

namespace OllamaSimulator;

/// <summary>A model in a simulated host's local store: what <c>/api/tags</c>, <c>/api/show</c> and the scheduler know of it.</summary>
public sealed record SimulatedModel
{
    /// <summary>A fixed default so that models made in tests list in a stable order.</summary>
    public static readonly DateTimeOffset DefaultModifiedAt = new(2026, 8, 1, 16, 12, 44, TimeSpan.Zero);

    // Thousands of hosts share a few model names; hash each once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> DerivedDigests = new(StringComparer.Ordinal);

    private readonly string? digest;
    private readonly long? runtimeSize;

    /// <summary>Name with tag (<c>llama3.2:latest</c>); a missing tag means <c>latest</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Bytes on disk, as <c>/api/tags</c> reports.</summary>
    public long Size { get; init; }

    /// <summary>64 lowercase hex characters, no <c>sha256:</c> prefix; derived from the name when not given.</summary>
    public string Digest
    {
        get => digest ?? DigestOf(Name);
        init => digest = value;
    }

    public DateTimeOffset ModifiedAt { get; init; } = DefaultModifiedAt;

    public string Format { get; init; } = "gguf";

    public string Family { get; init; } = "";

    /// <summary>May be null, as Ollama emits <c>"families":null</c> for some models.</summary>
    public IReadOnlyList<string>? Families { get; init; }

    public string ParameterSize { get; init; } = "";

    public string QuantizationLevel { get; init; } = "";

    /// <summary>Trained context length; requests' <c>num_ctx</c> is clamped to it. 0 = unknown (omitted).</summary>
    public int ContextLength { get; init; }

    public int EmbeddingLength { get; init; }

    /// <summary>From <c>completion, tools, insert, vision, embedding, thinking, image, audio</c>.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = ["completion"];

    /// <summary>Memory the loaded runner uses (<c>/api/ps</c> <c>size</c>); defaults to the file size.</summary>
    public long RuntimeSize
    {
        get => runtimeSize ?? Size;
        init => runtimeSize = value;
    }

    /// <summary>Embedding-only models cannot generate or chat and always run with one parallel slot.</summary>
    public bool IsEmbeddingOnly => HasCapability("embedding") && !HasCapability("completion");

    public bool HasCapability(string capability) => Capabilities.Contains(capability, StringComparer.Ordinal);

    /// <summary>Shortest display form with tag, as listings show it.</summary>
    public string DisplayName => ModelName.Parse(Name).DisplayShortest;

    /// <summary>A stable, plausible manifest digest for models that do not state one.</summary>
    public static string DigestOf(string name) =>
        DerivedDigests.GetOrAdd(name, n => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ollama-simulator/" + ModelName.Parse(n).Key))));
}
