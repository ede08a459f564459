using Microsoft.AspNetCore.Http;

namespace OllamaOrleans.Api;

/// <summary>
/// RFC 9457 problem details that name the field: <c>field</c> holds the first invalid one and
/// <c>errors</c> every one with its messages, so a client can point at the input to fix.
/// </summary>
public static class ApiProblems
{
    public static IResult Field(int status, string field, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?>
        {
            ["field"] = field,
            ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
        });

    public static IResult Invalid(IReadOnlyList<FieldError> input)
    {
        var errors = input.Select(e => e with { Message = Clean(e.Message) }).ToList();
        var first = errors[0];
        var byField = errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        var detail = errors.Count == 1 ? $"{first.Field}: {first.Message}" : $"{errors.Count} invalid fields; first {first.Field}: {first.Message}";
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid {first.Field}", detail: detail, extensions: new Dictionary<string, object?>
        {
            ["field"] = first.Field,
            ["errors"] = byField,
        });
    }

    /// <summary>Messages echo input (label keys): cut long ones, and keep them printable text.</summary>
    private static string Clean(string message)
    {
        var cut = message.Length <= 300 ? message : message[..300] + "…";
        return new string([.. cut.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
    }
}
