using System.Text;

namespace OllamaSimulator.Inference;

/// <summary>The deterministic text the simulated models "generate", and token counts derived from text length.</summary>
internal static class TokenText
{
    public static readonly IReadOnlyList<string> Answer = Words(
        "The sky appears blue because molecules in the air scatter the short blue wavelengths of sunlight far more "
        + "strongly than the long red ones, so blue light reaches our eyes from every part of the sky.");

    public static readonly IReadOnlyList<string> Thought = Words(
        "Okay, the user asks why the sky is blue. Rayleigh scattering explains it, so I will answer briefly.");

    /// <summary>Used when a <c>format</c> is requested, so the output parses as JSON when it runs to its end.</summary>
    public static readonly IReadOnlyList<string> JsonAnswer =
        ["{\"", "answer", "\":", " \"", "The", " sky", " is", " blue", " because", " of", " Rayleigh", " scattering", ".\"", "}"];

    /// <summary>About four bytes per token, as a rough BPE tokenizer would give; never 0 for non-empty text.</summary>
    public static int CountTokens(string text) => text.Length == 0 ? 0 : Math.Max(1, (Encoding.UTF8.GetByteCount(text) + 3) / 4);

    /// <summary>A stable token id for the <c>context</c> array.</summary>
    public static int TokenId(string token)
    {
        var hash = 17;
        foreach (var c in token)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (int)((uint)hash % 128_000);
    }

    private static string[] Words(string text)
    {
        var words = text.Split(' ');
        return [words[0], .. words.Skip(1).Select(w => " " + w)];
    }
}
