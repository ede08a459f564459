using System.Text.Json;

namespace OllamaSimulator.Json;

/// <summary>A Go struct's JSON fields, matched like encoding/json: exact name first, else case-insensitive.</summary>
internal sealed class GoStruct : GoType
{
    private readonly Dictionary<string, GoType> fields;

    public GoStruct(string qualifiedName, params (string Json, GoType Type)[] fields)
    {
        QualifiedName = qualifiedName;
        this.fields = fields.ToDictionary(f => f.Json, f => f.Type, StringComparer.Ordinal);
    }

    /// <summary>As reflect prints it, e.g. <c>api.GenerateRequest</c>.</summary>
    public string QualifiedName { get; }

    public override string Name => QualifiedName;

    public string ShortName => QualifiedName[(QualifiedName.IndexOf('.', StringComparison.Ordinal) + 1)..];

    /// <summary>Null when the document decodes into this struct; else Go's error message.</summary>
    public string? Validate(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"json: cannot unmarshal {JsonKind(root)} into Go value of type {QualifiedName}";
        }

        string? fatal = null;
        var error = Check(root, "", ref fatal);
        return fatal ?? error?.Message;
    }

    public override GoTypeError? Check(JsonElement value, string path, ref string? fatal)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return new GoTypeError(JsonKind(value), path, Name) { StructName = ShortName };
        }

        GoTypeError? first = null;
        foreach (var property in value.EnumerateObject())
        {
            var type = Find(property.Name, out var jsonName);
            if (type is null || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var fieldPath = path.Length == 0 ? jsonName : path + "." + jsonName;
            var error = type.Check(property.Value, fieldPath, ref fatal);
            if (fatal is not null)
            {
                return null;
            }

            // The innermost struct names the error; nested structs have already set it.
            first ??= error is null || error.StructName.Length > 0 ? error : error with { StructName = ShortName };
        }

        return first;
    }

    private GoType? Find(string name, out string jsonName)
    {
        if (fields.TryGetValue(name, out var exact))
        {
            jsonName = name;
            return exact;
        }

        foreach (var (candidate, type) in fields)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                jsonName = candidate;
                return type;
            }
        }

        jsonName = name;
        return null;
    }
}
