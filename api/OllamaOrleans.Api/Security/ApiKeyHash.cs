using System.Security.Cryptography;
using System.Text;

namespace OllamaOrleans.Api.Security;

/// <summary>
/// Keys are stored only as SHA-256 hashes (lower-case hex), as <c>printf %s KEY | sha256sum</c> prints
/// them. A plain hash is enough because keys are long random strings, not passwords: nothing to guess.
/// </summary>
public static class ApiKeyHash
{
    public const int HexLength = 64;

    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static byte[] BytesOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool TryParse(string? hex, out byte[] hash)
    {
        hash = [];
        if (hex is null || hex.Length != HexLength || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(hex);
        return true;
    }

    /// <summary>A new random key: 32 bytes, base64url (43 characters).</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
