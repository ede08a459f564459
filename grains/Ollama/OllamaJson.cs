using System.Collections.Immutable;
using System.Text.Json;
using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.Grains.Ollama;

/// <summary>
/// Parses the bodies of <c>/api/version</c>, <c>/api/tags</c> and <c>/api/ps</c> as every Ollama
/// version sends them (reference §6): every field optional, <c>families</c> may be null, <c>model</c>
/// preferred over <c>name</c>, unknown fields ignored, a field of the wrong type read as absent.
/// Only a body that is not a JSON object of the expected shape is malformed.
/// </summary>
public static class OllamaJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static string ParseVersion(ReadOnlyMemory<byte> utf8)
    {
        using var document = Open(utf8, "/api/version");
        var version = ReadString(document.RootElement, "version");
        if (string.IsNullOrEmpty(version))
        {
            throw new MalformedResponseException("/api/version answered without a \"version\" string.");
        }

        return version;
    }

    public static ParsedList<TagsEntry> ParseTags(ReadOnlyMemory<byte> utf8)
    {
        using var document = Open(utf8, "/api/tags");
        var items = new List<TagsEntry>();
        var skipped = 0;
        foreach (var entry in Models(document.RootElement, "/api/tags"))
        {
            var name = ReadName(entry);
            if (name is null)
            {
                skipped++;
                continue;
            }

            var details = ReadDetails(entry, ReadStrings(entry, "capabilities"));
            items.Add(new TagsEntry(name, new AvailableModel(
                ReadInt64(entry, "size"),
                ReadString(entry, "digest") ?? "",
                Rfc3339.Parse(ReadString(entry, "modified_at")),
                details)
            {
                // Ollama omits both for local models (omitempty); an empty string means the same.
                RemoteHost = NullIfEmpty(ReadString(entry, "remote_host")),
                RemoteModel = NullIfEmpty(ReadString(entry, "remote_model")),
            }));
        }

        return new ParsedList<TagsEntry>(items, skipped);
    }

    public static ParsedList<PsEntry> ParsePs(ReadOnlyMemory<byte> utf8)
    {
        using var document = Open(utf8, "/api/ps");
        var items = new List<PsEntry>();
        var skipped = 0;
        foreach (var entry in Models(document.RootElement, "/api/ps"))
        {
            var name = ReadName(entry);
            if (name is null)
            {
                skipped++;
                continue;
            }

            var details = ReadDetails(entry, []);
            items.Add(new PsEntry(
                name,
                new LoadedModel(
                    ReadInt64(entry, "size"),
                    ReadInt64(entry, "size_vram"),
                    (int)Math.Clamp(ReadInt64(entry, "context_length"), 0, int.MaxValue),
                    Rfc3339.Parse(ReadString(entry, "expires_at")),
                    ReadString(entry, "digest") ?? ""),
                details));
        }

        return new ParsedList<PsEntry>(items, skipped);
    }

    private static JsonDocument Open(ReadOnlyMemory<byte> utf8, string endpoint)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new MalformedResponseException($"{endpoint} answered with invalid JSON: {e.Message}", e);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new MalformedResponseException($"{endpoint} answered with a JSON {kind}, not an object.");
        }

        return document;
    }

    private static IEnumerable<JsonElement> Models(JsonElement root, string endpoint)
    {
        if (!root.TryGetProperty("models", out var models) || models.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (models.ValueKind != JsonValueKind.Array)
        {
            throw new MalformedResponseException($"{endpoint} answered with \"models\" as a JSON {models.ValueKind}, not an array.");
        }

        return models.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object);
    }

    private static string? ReadName(JsonElement entry)
    {
        var name = ReadString(entry, "model");
        if (string.IsNullOrWhiteSpace(name))
        {
            name = ReadString(entry, "name");
        }

        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    private static ModelDetails ReadDetails(JsonElement entry, ImmutableArray<string> capabilities)
    {
        if (!entry.TryGetProperty("details", out var d) || d.ValueKind != JsonValueKind.Object)
        {
            return ModelDetails.Empty with { Capabilities = capabilities };
        }

        return new ModelDetails(
            ReadString(d, "format") ?? "",
            ReadString(d, "family") ?? "",
            ReadStrings(d, "families"),
            ReadString(d, "parameter_size") ?? "",
            ReadString(d, "quantization_level") ?? "",
            (int)Math.Clamp(ReadInt64(d, "context_length"), 0, int.MaxValue),
            (int)Math.Clamp(ReadInt64(d, "embedding_length"), 0, int.MaxValue),
            capabilities);
    }

    private static string? ReadString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static long ReadInt64(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return 0;
        }

        if (value.TryGetInt64(out var integer))
        {
            return integer;
        }

        return value.TryGetDouble(out var real) && double.IsFinite(real)
            ? (long)Math.Clamp(real, long.MinValue, long.MaxValue)
            : 0;
    }

    private static ImmutableArray<string> ReadStrings(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                builder.Add(item.GetString()!);
            }
        }

        return builder.ToImmutable();
    }
}
