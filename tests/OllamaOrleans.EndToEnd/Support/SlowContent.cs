using System.Net;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>A request body sent in four parts with a pause before each, as a slow client uploads.</summary>
public sealed class SlowContent(byte[] body, TimeSpan pause) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var part = Math.Max(1, body.Length / 4);
        for (var offset = 0; offset < body.Length; offset += part)
        {
            await Task.Delay(pause);
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(part, body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
