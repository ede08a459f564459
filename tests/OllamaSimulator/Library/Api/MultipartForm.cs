using System.Text;

namespace OllamaSimulator.Api;

/// <summary>
/// A <c>multipart/form-data</c> body as Go's <c>ParseMultipartForm</c> reads it, far enough for the
/// transcription endpoint: text fields, file fields, and Go's messages for what it refuses.
/// </summary>
internal sealed class MultipartForm
{
    public const string NotMultipart = "request Content-Type isn't multipart/form-data";

    private MultipartForm()
    {
    }

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary><c>FormValue</c>: the field, or "" when absent.</summary>
    public string Value(string name) => Values.GetValueOrDefault(name, "");

    public static MultipartForm? Parse(string? contentType, byte[] body, out string? error)
    {
        error = null;
        var parts = (contentType ?? "").Split(';', StringSplitOptions.TrimEntries);
        if (!parts[0].Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            error = NotMultipart;
            return null;
        }

        var boundary = parts.Skip(1).Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2 && kv[0].Equals("boundary", StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv[1].Trim('"')).FirstOrDefault();
        if (string.IsNullOrEmpty(boundary))
        {
            error = "no multipart boundary param in Content-Type";
            return null;
        }

        var form = new MultipartForm();
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var span = body.AsSpan();
        var at = span.IndexOf(delimiter);
        while (at >= 0)
        {
            var rest = span[(at + delimiter.Length)..];
            if (rest.StartsWith("--"u8))
            {
                return form;
            }

            var next = rest.IndexOf(delimiter);
            var headersEnd = rest.IndexOf("\r\n\r\n"u8);
            if (next < 0 || headersEnd < 0 || headersEnd > next)
            {
                break;
            }

            var headers = Encoding.UTF8.GetString(rest[..headersEnd]);
            var content = rest[(headersEnd + 4)..next];
            if (content.EndsWith("\r\n"u8))
            {
                content = content[..^2];
            }

            form.Add(headers, content);
            at = at + delimiter.Length + next;
        }

        error = "multipart: NextPart: EOF";
        return null;
    }

    private void Add(string headers, ReadOnlySpan<byte> content)
    {
        var disposition = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase)) ?? "";
        string? Parameter(string name) => disposition.Split(';', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2 && kv[0] == name).Select(kv => kv[1].Trim('"')).FirstOrDefault();
        if (Parameter("name") is not { } field)
        {
            return;
        }

        if (Parameter("filename") is not null)
        {
            Files.TryAdd(field, content.ToArray());
        }
        else
        {
            Values.TryAdd(field, Encoding.UTF8.GetString(content));
        }
    }
}
