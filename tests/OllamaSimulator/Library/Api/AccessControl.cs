using System.Net;
using OllamaSimulator.Http;

namespace OllamaSimulator.Api;

/// <summary>
/// Ollama's CORS check and allowed-hosts check for a loopback listener: either can end a request with an
/// empty-bodied 403 before it reaches a route.
/// </summary>
internal static class AccessControl
{
    private const string AllowedHeaders =
        "Authorization,Content-Type,User-Agent,Accept,X-Requested-With,OpenAI-Beta,x-stainless-arch,x-stainless-async,"
        + "x-stainless-custom-poll-interval,x-stainless-helper-method,x-stainless-lang,x-stainless-os,x-stainless-package-version,"
        + "x-stainless-poll-helper,x-stainless-retry-count,x-stainless-runtime,x-stainless-runtime-version,x-stainless-timeout";

    private static readonly string[] LocalNames = ["localhost", "127.0.0.1", "0.0.0.0"];

    private static readonly string[] AnyOriginSchemes =
        ["app://", "file://", "tauri://", "vscode-webview://", "vscode-file://", "chrome-extension://", "moz-extension://", "safari-web-extension://"];

    /// <summary>True when the request was answered here (403, or a 204 preflight).</summary>
    public static async Task<bool> RejectOrPreflightAsync(HttpRequest request, HttpResponse response)
    {
        var host = request.Header("Host") ?? "";
        var origin = request.Header("Origin");
        if (!string.IsNullOrEmpty(origin) && origin != "http://" + host && origin != "https://" + host)
        {
            if (!IsAllowedOrigin(origin))
            {
                await response.WriteAsync(403, null, []);
                return true;
            }

            response.SetHeader("Access-Control-Allow-Origin", origin);
            response.SetHeader("Vary", "Origin");
            if (request.Method == "OPTIONS")
            {
                response.SetHeader("Access-Control-Allow-Methods", "GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS");
                response.SetHeader("Access-Control-Allow-Headers", AllowedHeaders);
                response.SetHeader("Access-Control-Max-Age", "43200");
                await response.WriteAsync(204, null, []);
                return true;
            }
        }

        if (!IsAllowedHost(HostWithoutPort(host)))
        {
            await response.WriteAsync(403, null, []);
            return true;
        }

        return false;
    }

    public static bool IsAllowedOrigin(string origin)
    {
        if (AnyOriginSchemes.Any(s => origin.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var scheme in new[] { "http://", "https://" })
        {
            foreach (var name in LocalNames)
            {
                var bare = scheme + name;
                if (origin == bare || (origin.StartsWith(bare + ":", StringComparison.Ordinal) && origin[(bare.Length + 1)..].All(char.IsAsciiDigit)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsAllowedHost(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return IPAddress.IsLoopback(address) || IsPrivate(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
        }

        host = host.ToLowerInvariant();
        return host.Length == 0
            || host == "localhost"
            || host == Environment.MachineName.ToLowerInvariant()
            || host.EndsWith(".localhost", StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.Ordinal)
            || host.EndsWith(".internal", StringComparison.Ordinal);
    }

    private static string HostWithoutPort(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? host[1..close] : host;
        }

        var colon = host.LastIndexOf(':');
        return colon >= 0 && host.IndexOf(':', StringComparison.Ordinal) == colon ? host[..colon] : host;
    }

    private static bool IsPrivate(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes.Length == 4
            ? bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168)
            : (bytes[0] & 0xfe) == 0xfc;
    }
}
