using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OllamaOrleans.Api.Gateway;

/// <summary>Reads an inference request's body (bounded) and hands the forwarder the bytes to send instead.</summary>
public static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="max"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, long max)
    {
        var declared = context.Request.ContentLength;
        if (declared > max)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        // A declared length is read straight into an array of that size (one allocation, no copy);
        // the read past it sees the end, or bytes the server would refuse as more than declared.
        var buffer = new byte[declared is { } length ? (int)length : (int)Math.Min(ChunkSize, max)];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= max && await context.Request.Body.ReadAsync(new byte[1], context.RequestAborted) > 0)
                {
                    return null;
                }

                if (declared is not null || buffer.Length >= max)
                {
                    return buffer;
                }

                Array.Resize(ref buffer, (int)Math.Min(max, buffer.Length * 2L));
            }

            var read = await context.Request.Body.ReadAsync(buffer.AsMemory(filled), context.RequestAborted);
            if (read == 0)
            {
                return buffer.AsMemory(0, filled);
            }

            filled += read;
        }
    }

    public static void Replace(HttpContext context, ReadOnlyMemory<byte> body)
    {
        context.Request.Body = MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        context.Request.ContentLength = body.Length;
        context.Request.Headers.Remove("Transfer-Encoding");
    }
}
