using System.Text.Json;

namespace OllamaSimulator.Json;

/// <summary>A request body decoded as Go would decode it into a given struct, with Go's field lookup.</summary>
internal sealed class JsonBody
{
    /// <summary>Go's <c>io.EOF</c> text: the body held no JSON value at all.</summary>
    public const string EndOfInput = "EOF";

    private JsonBody(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    /// <summary>Decodes <paramref name="body"/>; on failure <paramref name="error"/> is Go's message (<see cref="EndOfInput"/> for an empty body).</summary>
    public static JsonBody? TryParse(byte[] body, GoStruct schema, out string? error)
    {
        error = GoJsonSyntax.Check(body, out var end);
        if (error is not null)
        {
            return null;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body.AsMemory(0, end), new JsonDocumentOptions { MaxDepth = 10_001 });
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Only invalid UTF-8 gets here; Go would have replaced it, the simulator refuses it.
            error = "invalid UTF-8 in request body";
            return null;
        }

        error = schema.Validate(root);
        return error is null ? new JsonBody(root) : null;
    }

    /// <summary>The field's value; null when absent or JSON null (Go leaves the field at its zero value).</summary>
    public JsonElement? Get(string name)
    {
        if (Root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? exact = null;
        JsonElement? folded = null;
        foreach (var property in Root.EnumerateObject())
        {
            if (property.Name == name)
            {
                exact = property.Value;
            }
            else if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                folded = property.Value;
            }
        }

        var value = exact ?? folded;
        return value is { ValueKind: JsonValueKind.Null } ? null : value;
    }

    public string GetString(string name) => Get(name)?.GetString() ?? "";

    public bool? GetBool(string name) => Get(name)?.GetBoolean();

    public long? GetInt(string name) => Get(name)?.GetInt64();

    public double? GetNumber(string name) => Get(name)?.GetDouble();

    public bool Has(string name) => Get(name) is not null;
}
