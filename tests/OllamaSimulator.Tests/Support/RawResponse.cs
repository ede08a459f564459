using System.Text;

namespace OllamaSimulator.Tests.Support;

/// <summary>A response read off the wire: status line, headers in order, de-chunked body and the chunks.</summary>
internal sealed record RawResponse(string StatusLine, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public IReadOnlyList<string> Chunks { get; init; } = [];

    public int Status => int.Parse(StatusLine.Split(' ')[1]);

    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public bool Has(string name) => Header(name) is not null;
}
