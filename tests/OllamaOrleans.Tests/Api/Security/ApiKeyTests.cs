using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Security;

namespace OllamaOrleans.Tests.Api.Security;

public sealed class ApiKeyTests
{
    [Fact]
    public void Hash_IsWhatSha256sumPrints() =>
        Assert.Equal("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b", ApiKeyHash.Of("secret"));

    [Theory]
    [InlineData("2BB80D537B1DA3E38BD30361AA855686BDE0EACD7162FEF6A25FE97BF527A25B", true)]
    [InlineData("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25", false)]
    [InlineData("zbb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b", false)]
    [InlineData("secret", false)]
    [InlineData(null, false)]
    public void TryParse_TakesExactly64HexDigits(string? hex, bool ok) => Assert.Equal(ok, ApiKeyHash.TryParse(hex, out _));

    [Fact]
    public void NewKey_IsLongRandomAndUrlSafe()
    {
        var a = ApiKeyHash.NewKey();
        Assert.Equal(43, a.Length);
        Assert.All(a, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        Assert.NotEqual(a, ApiKeyHash.NewKey());
    }

    [Fact]
    public void Store_FindsTheKeyByItsHashOnly()
    {
        ApiKeyHash.TryParse(ApiKeyHash.Of("secret"), out var hash);
        var store = new ApiKeyStore(Options.Create(new AuthOptions { Keys = [new ApiKey("ops", hash, ApiRoles.Admin)] }));

        Assert.Equal("ops", store.Find("secret")?.Name);
        Assert.Null(store.Find("Secret"));
        Assert.Null(store.Find(ApiKeyHash.Of("secret")));
    }

    [Theory]
    [InlineData("Authorization", "Bearer k1", "k1")]
    [InlineData("Authorization", "bearer  k1 ", "k1")]
    [InlineData("X-Api-Key", "k2", "k2")]
    [InlineData("Authorization", "Basic dXNlcjprMw==", "k3")]
    [InlineData("Authorization", "Basic dXNlcg==", null)]
    [InlineData("Authorization", "Basic !!!", null)]
    [InlineData("Authorization", "Bearer ", null)]
    [InlineData("Authorization", "Digest x", null)]
    public void Credentials_FromBearerApiKeyHeaderOrBasicPassword(string header, string value, string? key)
    {
        var headers = new HeaderDictionary { [header] = value };

        Assert.Equal(key, ApiKeyCredentials.From(headers));
    }

    [Fact]
    public void Remove_TakesTheMonitorsCredentialsOffAForwardedRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://ollama:11434/api/chat");
        request.Headers.Add("X-Api-Key", "k");
        request.Headers.Authorization = new("Bearer", "k");
        request.Headers.Add("X-Client", "team-a");

        ApiKeyCredentials.Remove(request);

        Assert.Equal(["X-Client"], request.Headers.Select(h => h.Key));
    }
}
