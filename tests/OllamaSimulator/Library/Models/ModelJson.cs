using System.Globalization;
using System.Text.Json;
using OllamaSimulator.Json;

namespace OllamaSimulator.Models;

/// <summary>
/// The JSON shape of a model for <c>--models</c> files and the control API: an <c>/api/tags</c> entry
/// (so real output can be pasted) plus an optional <c>runtime_size</c>.
/// </summary>
internal static class ModelJson
{
    public static IReadOnlyList<SimulatedModel> ReadList(string json)
    {
        using var document = Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new ArgumentException("expected a JSON array of model objects");
        }

        var models = new List<SimulatedModel>();
        var index = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            try
            {
                models.Add(Read(item));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"entry {index}: {e.Message}", e);
            }

            index++;
        }

        return models;
    }

    public static SimulatedModel ReadOne(string json)
    {
        using var document = Parse(json);
        return Read(document.RootElement);
    }

    public static SimulatedModel Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("expected a model object");
        }

        var details = item.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var model = new SimulatedModel
        {
            Name = String(item, "name") ?? String(item, "model") ?? throw new ArgumentException("'name' is required"),
            Size = Long(item, "size") ?? 0,
            Digest = String(item, "digest") ?? SimulatedModel.DigestOf(String(item, "name") ?? String(item, "model")!),
            ModifiedAt = String(item, "modified_at") is { } modified ? ParseTime(modified) : SimulatedModel.DefaultModifiedAt,
            Format = String(details, "format") ?? "gguf",
            Family = String(details, "family") ?? "",
            Families = StringList(details, "families"),
            ParameterSize = String(details, "parameter_size") ?? "",
            QuantizationLevel = String(details, "quantization_level") ?? "",
            ContextLength = (int)(Long(details, "context_length") ?? 0),
            EmbeddingLength = (int)(Long(details, "embedding_length") ?? 0),
            Capabilities = StringList(item, "capabilities") ?? ["completion"],
        };

        if (Long(item, "runtime_size") is { } runtime)
        {
            model = model with { RuntimeSize = runtime };
        }

        // A name Ollama itself would refuse can still reach a monitor (an old or patched server, a
        // proxy), so the control API may add one on purpose to test clients against it.
        var checkName = !(item.TryGetProperty("unchecked_name", out var flag) && flag.ValueKind == JsonValueKind.True);
        ModelValidator.Validate(model, checkName);
        return model;
    }

    public static void Write(GoJsonWriter json, SimulatedModel model, TimeProvider timeProvider)
    {
        json.StartObject()
            .Property("name", model.DisplayName)
            .Property("size", model.Size)
            .Property("digest", model.Digest)
            .Property("modified_at", GoTime.FormatLocal(model.ModifiedAt, timeProvider))
            .Name("details").StartObject()
            .Property("format", model.Format)
            .Property("family", model.Family)
            .Name("families");
        if (model.Families is null)
        {
            json.Null();
        }
        else
        {
            json.StringArray(model.Families);
        }

        json.Property("parameter_size", model.ParameterSize)
            .Property("quantization_level", model.QuantizationLevel)
            .PropertyIfNotZero("context_length", model.ContextLength)
            .PropertyIfNotZero("embedding_length", model.EmbeddingLength)
            .EndObject()
            .Name("capabilities").StringArray(model.Capabilities)
            .Property("runtime_size", model.RuntimeSize)
            .EndObject();
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"invalid JSON: {e.Message}", e);
        }
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value
            : throw new ArgumentException($"'modified_at' is not an RFC 3339 time: \"{text}\"");

    private static JsonElement? Field(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static string? String(JsonElement item, string name) => Field(item, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw new ArgumentException($"'{name}' must be a string"),
    };

    private static long? Long(JsonElement item, string name) => Field(item, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var n) => n,
        _ => throw new ArgumentException($"'{name}' must be an integer"),
    };

    private static string[]? StringList(JsonElement item, string name) => Field(item, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Array } value when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            [.. value.EnumerateArray().Select(v => v.GetString()!)],
        _ => throw new ArgumentException($"'{name}' must be an array of strings"),
    };
}
