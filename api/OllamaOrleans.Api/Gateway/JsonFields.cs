using System.Text.Json;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>Small, forgiving reads of answer JSON shared by the event readers.</summary>
internal static class JsonFields
{
    /// <summary>Parses one JSON object; null (and <paramref name="failure"/> set) when it is not one.</summary>
    public static JsonDocument? ParseObject(ReadOnlySpan<byte> data, out string? failure)
    {
        failure = null;
        try
        {
            var document = JsonDocument.Parse(data.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        failure = RequestOutcomes.Malformed;
        return null;
    }

    public static JsonElement Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long Long(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;

    public static bool NonEmpty(JsonElement element, string property) => String(element, property) is { Length: > 0 };
}
