using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Security;

/// <summary>Finds the configured key a request presents, comparing hashes in constant time.</summary>
public sealed class ApiKeyStore(IOptions<AuthOptions> options)
{
    public bool IsEmpty => options.Value.Keys.Count == 0;

    public ApiKey? Find(string presented)
    {
        var hash = ApiKeyHash.BytesOf(presented);
        ApiKey? found = null;
        foreach (var key in options.Value.Keys)
        {
            // No early exit: the time taken does not tell which key (if any) matched.
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                found = key;
            }
        }

        return found;
    }
}
