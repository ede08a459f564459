using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OllamaOrleans.Api.Gateway;

/// <summary>Reads an inference request's body (bounded) and hands the forwarder the bytes to send instead.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="max"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, long max)
    {
        if (context.Request.ContentLength > max)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static void Replace(HttpContext context, ReadOnlyMemory<byte> body)
    {
        context.Request.Body = new MemoryStream(body.ToArray(), writable: false);
        context.Request.ContentLength = body.Length;
        context.Request.Headers.Remove("Transfer-Encoding");
    }
}
