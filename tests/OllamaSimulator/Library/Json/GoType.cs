using System.Text.Json;

namespace OllamaSimulator.Json;

/// <summary>
/// The Go type of a request field, enough to reproduce encoding/json's type errors
/// (<c>json: cannot unmarshal number into Go struct field GenerateRequest.model of type string</c>).
/// </summary>
internal abstract class GoType
{
    public static readonly GoType String = new Scalar("string", JsonValueKind.String);
    public static readonly GoType Bool = new Scalar("bool", JsonValueKind.True);
    public static readonly GoType Int = new Integer();
    public static readonly GoType Float64 = new Scalar("float64", JsonValueKind.Number);
    public static readonly GoType Float32 = new Scalar("float32", JsonValueKind.Number);
    public static readonly GoType Map = new Scalar("map[string]interface {}", JsonValueKind.Object);
    public static readonly GoType Any = new Custom("interface {}", (_, _) => null);

    public abstract string Name { get; }

    public static GoType SliceOf(GoType element) => new Slice(element);

    /// <summary>A type with its own <c>UnmarshalJSON</c>; its error stops decoding at once.</summary>
    public static GoType WithUnmarshaler(string name, Func<JsonElement, string?> check) =>
        new Custom(name, (value, _) => check(value));

    /// <summary>Checks a non-null value; returns a type error, or a fatal unmarshaler error via <paramref name="fatal"/>.</summary>
    public abstract GoTypeError? Check(JsonElement value, string path, ref string? fatal);

    protected static string JsonKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private sealed class Scalar(string name, JsonValueKind kind) : GoType
    {
        public override string Name => name;

        public override GoTypeError? Check(JsonElement value, string path, ref string? fatal)
        {
            var actual = value.ValueKind == JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
            return actual == kind ? null : new GoTypeError(JsonKind(value), path, Name);
        }
    }

    private sealed class Integer : GoType
    {
        public override string Name => "int";

        public override GoTypeError? Check(JsonElement value, string path, ref string? fatal)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                return new GoTypeError(JsonKind(value), path, Name);
            }

            // Go reports the literal when a number does not fit an int: "number 1.5".
            return value.TryGetInt64(out _) ? null : new GoTypeError("number " + value.GetRawText(), path, Name);
        }
    }

    private sealed class Slice(GoType element) : GoType
    {
        public override string Name => "[]" + element.Name;

        public override GoTypeError? Check(JsonElement value, string path, ref string? fatal)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return new GoTypeError(JsonKind(value), path, Name);
            }

            GoTypeError? first = null;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var error = element.Check(item, path, ref fatal);
                if (fatal is not null)
                {
                    return null;
                }

                first ??= error;
            }

            return first;
        }
    }

    private sealed class Custom(string name, Func<JsonElement, string, string?> check) : GoType
    {
        public override string Name => name;

        public override GoTypeError? Check(JsonElement value, string path, ref string? fatal)
        {
            fatal = check(value, path);
            return null;
        }
    }
}
