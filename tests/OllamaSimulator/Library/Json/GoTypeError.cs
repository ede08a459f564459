namespace OllamaSimulator.Json;

/// <summary>One encoding/json <c>UnmarshalTypeError</c>: the JSON kind found, where, and the Go type wanted.</summary>
internal sealed record GoTypeError(string Value, string FieldPath, string TypeName)
{
    /// <summary>The innermost struct's name, as Go reports it (e.g. <c>Message</c> for <c>messages.content</c>).</summary>
    public string StructName { get; init; } = "";

    public string Message => $"json: cannot unmarshal {Value} into Go struct field {StructName}.{FieldPath} of type {TypeName}";
}
