using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OllamaOrleans.Api.Security;

/// <summary>
/// The key a request presents: <c>Authorization: Bearer KEY</c> (Prometheus' <c>authorization</c>,
/// OpenAI clients), <c>X-Api-Key: KEY</c>, or Basic with the key as password (browsers, for the
/// dashboard; the user name is not checked).
/// </summary>
public static class ApiKeyCredentials
{
    public const string HeaderName = "X-Api-Key";

    public static string? From(IHeaderDictionary headers)
    {
        var apiKey = headers[HeaderName].ToString();
        if (apiKey.Length > 0)
        {
            return apiKey.Trim();
        }

        var authorization = headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization["Bearer ".Length..].Trim();
            return token.Length > 0 ? token : null;
        }

        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Password(authorization["Basic ".Length..].Trim());
        }

        return null;
    }

    /// <summary>Takes the monitor's own credentials off a request the gateway forwards: Ollama must never see a key.</summary>
    public static void Remove(HttpRequestMessage request)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.Authorization = null;
    }

    private static string? Password(string encoded)
    {
        Span<byte> buffer = stackalloc byte[Math.Min(encoded.Length, 1024)];
        if (encoded.Length > 1024 || !Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 || colon == text.Length - 1 ? null : text[(colon + 1)..];
    }
}
