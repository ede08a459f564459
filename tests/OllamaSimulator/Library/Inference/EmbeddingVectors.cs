using System.Security.Cryptography;
using System.Text;

namespace OllamaSimulator.Inference;

/// <summary>Deterministic embeddings: the same model and text always give the same vector.</summary>
internal static class EmbeddingVectors
{
    private const int FallbackLength = 768;

    /// <summary>The raw vector, as the legacy <c>/api/embeddings</c> returns it (not normalised).</summary>
    public static double[] Raw(SimulatedModel model, string text)
    {
        var length = model.EmbeddingLength > 0 ? model.EmbeddingLength : FallbackLength;
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(model.Digest + "\n" + text));
        var state = BitConverter.ToUInt64(seed, 0) | 1;
        var vector = new double[length];
        for (var i = 0; i < length; i++)
        {
            // xorshift64*: cheap, deterministic, well spread.
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            var next = state * 0x2545F4914F6CDD1DUL;
            vector[i] = ((next >> 11) / (double)(1UL << 53) * 2) - 1;
        }

        return vector;
    }

    /// <summary><c>/api/embed</c>: truncated to <paramref name="dimensions"/> when smaller, then L2-normalised, as float32.</summary>
    public static float[] Normalized(SimulatedModel model, string text, int dimensions)
    {
        var raw = Raw(model, text);
        if (dimensions > 0 && dimensions < raw.Length)
        {
            raw = raw[..dimensions];
        }

        var norm = Math.Sqrt(raw.Sum(v => v * v));
        return [.. raw.Select(v => (float)(v / norm))];
    }
}
