using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OllamaOrleans.Api.Hosts;

/// <summary>
/// Reads a host request body within the size limit and checks the JSON shape field by field: an
/// object with <c>name</c> (string), <c>url</c> (string) and <c>labels</c> (object of strings), no
/// other or repeated fields. Anything else is a problem naming the field, never an exception.
/// </summary>
public static class HostBodyReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    public static async Task<(HostBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Field(StatusCodes.Status415UnsupportedMediaType, "body", "Unsupported media type", "Send the body as JSON with 'Content-Type: application/json'."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), Options);
            return Shape(document.RootElement);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid([new FieldError("body", $"is not valid JSON ({e.Message})")]));
        }
        catch (InvalidOperationException)
        {
            // GetString on an escaped lone surrogate ("\ud800"): valid JSON, but not text.
            return (null, ApiProblems.Invalid([new FieldError("body", "holds a string that is not valid Unicode (a lone surrogate escape)")]));
        }
    }

    private static (HostBody? Body, IResult? Problem) Shape(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, ApiProblems.Invalid([new FieldError("body", $"must be a JSON object, not {Kind(root)}")]));
        }

        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? name = null, url = null;
        Dictionary<string, string>? labels = null;
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                errors.Add(new FieldError(property.Name, "appears more than once"));
                continue;
            }

            switch (property.Name)
            {
                case "name":
                    name = String(property, errors);
                    break;
                case "url":
                    url = String(property, errors);
                    break;
                case "labels":
                    labels = Labels(property.Value, errors);
                    break;
                default:
                    errors.Add(new FieldError(FieldNames.Printable(property.Name), "is not a field of a host; the fields are name, url and labels"));
                    break;
            }
        }

        return errors.Count > 0 ? (null, ApiProblems.Invalid(errors)) : (new HostBody(name, url, labels), null);
    }

    private static string? String(JsonProperty property, List<FieldError> errors)
    {
        if (property.Value.ValueKind is JsonValueKind.String)
        {
            return Text(property.Value, property.Name, errors);
        }

        if (property.Value.ValueKind is not JsonValueKind.Null)
        {
            errors.Add(new FieldError(property.Name, $"must be a string, not {Kind(property.Value)}"));
        }

        return null;
    }

    private static Dictionary<string, string>? Labels(JsonElement value, List<FieldError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("labels", $"must be an object of string values, not {Kind(value)}"));
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in value.EnumerateObject())
        {
            var field = "labels." + FieldNames.Printable(label.Name);
            if (label.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError(field, $"must be a string, not {Kind(label.Value)}"));
            }
            else if (Text(label.Value, field, errors) is not { } text)
            {
                continue;
            }
            else if (!labels.TryAdd(label.Name, text))
            {
                errors.Add(new FieldError(field, "appears more than once"));
            }
        }

        return labels;
    }

    /// <summary>A string's value; an escaped lone surrogate ("\ud800") is valid JSON but not text.</summary>
    private static string? Text(JsonElement value, string field, List<FieldError> errors)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            errors.Add(new FieldError(field, "is not valid Unicode (a lone surrogate escape)"));
            return null;
        }
    }

    private static IResult TooLarge(long maxBytes) =>
        ApiProblems.Field(StatusCodes.Status413PayloadTooLarge, "body", "Body too large", $"The body is larger than {maxBytes} bytes (Api:MaxRequestBodyKilobytes).");

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };
}
