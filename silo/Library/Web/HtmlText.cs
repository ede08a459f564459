using System.Text;
using System.Text.Encodings.Web;

namespace OllamaOrleans.Silo.Web;

/// <summary>Appends text to the fleet page HTML-encoded: every host name, URL, model, error and setting goes through here.</summary>
public static class HtmlText
{
    public static StringBuilder Text(this StringBuilder html, string? text) =>
        text is null ? html : html.Append(HtmlEncoder.Default.Encode(text));
}
