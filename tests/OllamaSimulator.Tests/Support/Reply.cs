using System.Text.Json;

namespace OllamaSimulator.Tests.Support;

/// <summary>A whole HTTP answer as a test looks at it.</summary>
internal sealed record Reply(int Status, string? ContentType, string Body, long? ContentLength, bool Chunked)
{
    public static async Task<Reply> ReadAsync(HttpResponseMessage response) => new(
        (int)response.StatusCode,
        response.Content.Headers.ContentType?.ToString(),
        await response.Content.ReadAsStringAsync(),
        response.Content.Headers.ContentLength,
        response.Headers.TransferEncodingChunked == true);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string[] Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<JsonElement> JsonLines => [.. Lines.Select(l => JsonDocument.Parse(l).RootElement)];

    public string Error => Json.GetProperty("error").GetString()!;
}
