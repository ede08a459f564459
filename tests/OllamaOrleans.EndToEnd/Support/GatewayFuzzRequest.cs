using System.Text;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>One generated gateway request; <see cref="Slow"/> uploads its body in pauses, <see cref="Abort"/> sends half and goes away.</summary>
public sealed record GatewayFuzzRequest(int Index, string Kind, string Path, byte[] Body, bool Slow, bool Abort)
{
    public override string ToString()
    {
        var body = Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 300)));
        return $"#{Index} {Kind}{(Slow ? " slow" : "")}{(Abort ? " aborted" : "")} POST /{Path} ({Body.Length} bytes) {body}";
    }
}
