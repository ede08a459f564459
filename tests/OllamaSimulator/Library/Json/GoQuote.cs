using System.Text;

namespace OllamaSimulator.Json;

/// <summary>Go's <c>strconv.Quote</c> / <c>%q</c>, used inside Ollama's error texts.</summary>
internal static class GoQuote
{
    public static string Quote(string s)
    {
        var text = new StringBuilder("\"");
        foreach (var c in s)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < ' ' or '\x7f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
