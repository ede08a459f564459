using OllamaSimulator.Http;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary>One registered route; <c>:name</c> segments capture one path segment each.</summary>
internal sealed record Route(string Method, string Pattern, string? Since, Func<HttpRequest, HttpResponse, IReadOnlyDictionary<string, string>, CancellationToken, Task> Handler)
{
    private readonly string[] segments = Pattern.Split('/');

    /// <summary>The Ollama release that introduced the route; null = always there.</summary>
    public OllamaVersion? SinceVersion { get; } = Since is null ? null : OllamaVersion.Parse(Since);

    /// <summary>How <see cref="SimulatorCounters"/> names this route.</summary>
    public string Endpoint => $"{Method} {Pattern}";

    public IReadOnlyDictionary<string, string>? Match(string rawPath)
    {
        var parts = rawPath.Split('/');
        if (parts.Length != segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var decoded = Uri.UnescapeDataString(parts[i]);
            if (segments[i].StartsWith(':'))
            {
                if (decoded.Length == 0)
                {
                    return null;
                }

                values[segments[i][1..]] = decoded;
            }
            else if (segments[i] != decoded)
            {
                return null;
            }
        }

        return values;
    }
}
