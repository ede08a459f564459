using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Security;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Names the client of a request for per-client usage: the name of the API key it presented, else the
/// configured header, else "anonymous". Names
/// are bounded in length and charset, and at most <see cref="GatewayOptions.MaxClients"/> distinct ones
/// are tracked; later ones become "other" (counted in <c>ollama_gateway_clients_overflow_total</c>),
/// so a client cannot blow up the series count.
/// </summary>
public sealed class ClientIdentity(IOptions<GatewayOptions> options, GatewayMetrics metrics)
{
    public const string Anonymous = "anonymous";
    public const string Other = "other";
    private const int MaxLength = 64;
    private readonly ConcurrentDictionary<string, bool> seen = new(StringComparer.Ordinal);
    private readonly Lock admitting = new();
    private long overflowed;

    /// <summary>Names turned into "other" because the cap was reached.</summary>
    public long Overflowed => Interlocked.Read(ref overflowed);

    public string Of(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName, Name: { } keyName })
        {
            return Admit(Sanitize(keyName));
        }

        var header = options.Value.ClientHeader;
        var raw = string.IsNullOrEmpty(header) ? null : context.Request.Headers[header].ToString();
        return Admit(Sanitize(raw));
    }

    public string Admit(string name)
    {
        if (seen.ContainsKey(name))
        {
            return name;
        }

        // New names are admitted one at a time, so concurrent requests cannot take the count past the cap.
        lock (admitting)
        {
            if (seen.ContainsKey(name) || seen.Count < options.Value.MaxClients && seen.TryAdd(name, true))
            {
                return name;
            }
        }

        Interlocked.Increment(ref overflowed);
        metrics.ClientOverflowed();
        return Other;
    }

    public static string Sanitize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Anonymous;
        }

        var cleaned = new string([.. raw.Trim().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@').Take(MaxLength)]);
        return cleaned.Length == 0 ? Anonymous : cleaned;
    }
}
