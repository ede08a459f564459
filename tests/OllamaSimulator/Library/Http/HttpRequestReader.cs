using System.Globalization;

namespace OllamaSimulator.Http;

/// <summary>Parses HTTP/1.x requests: request line, headers, Content-Length or chunked bodies, within fixed bounds.</summary>
internal static class HttpRequestReader
{
    public const int MaxHeaderBytes = 64 * 1024;
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>Reads the next request; null when the client closed the connection between requests.</summary>
    public static async Task<HttpRequest?> ReadAsync(
        ConnectionInput input, Func<Task> sendContinue, CancellationToken cancellationToken)
    {
        string? requestLine;
        do
        {
            // RFC 9112 lets a server ignore empty lines before the request line.
            requestLine = await input.ReadLineAsync(MaxHeaderBytes, 431, cancellationToken);
            if (requestLine is null)
            {
                return null;
            }
        }
        while (requestLine.Length == 0);

        var (method, target, isHttp10) = ParseRequestLine(requestLine);
        var headers = await ReadHeadersAsync(input, MaxHeaderBytes - requestLine.Length, cancellationToken);

        if (headers.TryGetValue("Expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await sendContinue();
        }

        var body = await ReadBodyAsync(input, headers, cancellationToken);
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        return new HttpRequest
        {
            Method = method,
            RawPath = queryStart < 0 ? target : target[..queryStart],
            Query = queryStart < 0 ? "" : target[(queryStart + 1)..],
            IsHttp10 = isHttp10,
            Headers = headers,
            Body = body,
        };
    }

    private static (string Method, string Target, bool IsHttp10) ParseRequestLine(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !parts[0].All(char.IsAsciiLetterUpper))
        {
            throw new HttpProtocolException(400, "malformed request line");
        }

        var version = parts[2];
        if (version is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            throw new HttpProtocolException(version.StartsWith("HTTP/", StringComparison.Ordinal) ? 505 : 400, "unsupported protocol version");
        }

        var target = parts[1];
        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            // Absolute-form (as sent to proxies): keep only path and query.
            var uri = new Uri(target);
            target = uri.PathAndQuery;
        }
        else if (target[0] != '/' && !(target == "*" && parts[0] == "OPTIONS"))
        {
            throw new HttpProtocolException(400, "malformed request target");
        }

        return (parts[0], target, version == "HTTP/1.0");
    }

    private static async Task<Dictionary<string, string>> ReadHeadersAsync(
        ConnectionInput input, int budget, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var line = await input.ReadLineAsync(Math.Max(budget, 0), 431, cancellationToken)
                ?? throw new HttpProtocolException(400, "unexpected end of headers");
            budget -= line.Length + 2;
            if (budget < 0)
            {
                throw new HttpProtocolException(431, "headers too large");
            }

            if (line.Length == 0)
            {
                return headers;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Any(c => c is ' ' or '\t'))
            {
                throw new HttpProtocolException(400, "malformed header line");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(' ', '\t');
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(
        ConnectionInput input, Dictionary<string, string> headers, CancellationToken cancellationToken)
    {
        if (headers.TryGetValue("Transfer-Encoding", out var encoding))
        {
            if (!encoding.Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase))
            {
                throw new HttpProtocolException(501, "unsupported transfer encoding");
            }

            // Chunked wins over any Content-Length (RFC 9112 §6.3).
            return await ReadChunkedAsync(input, cancellationToken);
        }

        if (!headers.TryGetValue("Content-Length", out var lengthText))
        {
            return [];
        }

        var distinct = lengthText.Split(',', StringSplitOptions.TrimEntries).Distinct().ToArray();
        if (distinct.Length != 1 || !long.TryParse(distinct[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new HttpProtocolException(400, "bad Content-Length");
        }

        if (length > MaxBodyBytes)
        {
            throw new HttpProtocolException(413, "request body too large");
        }

        var body = new byte[length];
        await input.ReadExactAsync(body, cancellationToken);
        return body;
    }

    private static async Task<byte[]> ReadChunkedAsync(ConnectionInput input, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await input.ReadLineAsync(1024, 400, cancellationToken)
                ?? throw new HttpProtocolException(400, "unexpected end of chunked body");
            var sizeText = sizeLine.Split(';')[0].Trim();
            if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new HttpProtocolException(400, "bad chunk size");
            }

            if (size == 0)
            {
                // Trailers, if any, end with an empty line; they are read and dropped.
                while ((await input.ReadLineAsync(MaxHeaderBytes, 431, cancellationToken))?.Length > 0)
                {
                }

                return body.ToArray();
            }

            if (body.Length + size > MaxBodyBytes)
            {
                throw new HttpProtocolException(413, "request body too large");
            }

            var chunk = new byte[size];
            await input.ReadExactAsync(chunk, cancellationToken);
            body.Write(chunk);
            if (await input.ReadLineAsync(2, 400, cancellationToken) is not "")
            {
                throw new HttpProtocolException(400, "chunk not followed by CRLF");
            }
        }
    }
}
