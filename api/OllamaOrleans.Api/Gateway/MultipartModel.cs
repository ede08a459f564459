using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// The <c>model</c> field of a <c>multipart/form-data</c> body (<c>/v1/audio/transcriptions</c>), read
/// from the bytes the gateway already holds; null when the body is not such a form or has no model.
/// </summary>
public static class MultipartModel
{
    private const int MaxModelLength = 1024;

    public static async Task<string?> ReadAsync(string? contentType, ReadOnlyMemory<byte> body)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body.ToArray(), writable: false));
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.IsFormDisposition()
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Value == "model")
                {
                    using var text = new StreamReader(section.Body);
                    var buffer = new char[MaxModelLength];
                    var read = await text.ReadBlockAsync(buffer);
                    var model = new string(buffer, 0, read);
                    return string.IsNullOrWhiteSpace(model) ? null : model;
                }
            }
        }
        catch (IOException)
        {
            // A cut or malformed form: Ollama answers it with its own 400.
        }
        catch (InvalidDataException)
        {
        }

        return null;
    }
}
