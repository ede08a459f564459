using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>An admin and a read key, configured on a silo by their SHA-256 hashes as an operator would.</summary>
public static class ApiKeys
{
    public const string Admin = "e2e-admin-7f3c1a9e5b2d4c6a8e0f1b3d5c7a9e1f";
    public const string Read = "e2e-read-2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e0b";

    /// <summary>The <c>Auth:Keys</c> settings, as environment variables.</summary>
    public static Dictionary<string, string> Settings() => new()
    {
        ["Auth__Keys__0__Name"] = "ops",
        ["Auth__Keys__0__Role"] = "admin",
        ["Auth__Keys__0__Hash"] = Hash(Admin),
        ["Auth__Keys__1__Name"] = "viewer",
        ["Auth__Keys__1__Role"] = "read",
        ["Auth__Keys__1__Hash"] = Hash(Read),
    };

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A client of <paramref name="baseUri"/> sending <paramref name="key"/> as a bearer token (none when null).</summary>
    public static HttpClient Client(Uri baseUri, string? key)
    {
        var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object body) =>
        client.SendJsonAsync(method, path, System.Text.Json.JsonSerializer.Serialize(body));
}
