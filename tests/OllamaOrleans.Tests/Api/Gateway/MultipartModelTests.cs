using System.Net.Http.Headers;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class MultipartModelTests
{
    private static async Task<string?> ReadAsync(MultipartFormDataContent form) =>
        await MultipartModel.ReadAsync(form.Headers.ContentType!.ToString(), await form.ReadAsByteArrayAsync());

    [Fact]
    public async Task ReadsTheModelField_AfterTheFile()
    {
        using var form = new MultipartFormDataContent("boundary-1");
        var file = new ByteArrayContent([1, 2, 3]);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "a.wav");
        form.Add(new StringContent("whisper:small"), "model");

        Assert.Equal("whisper:small", await ReadAsync(form));
    }

    [Fact]
    public async Task NoModelField_IsNull()
    {
        using var form = new MultipartFormDataContent("b");
        form.Add(new StringContent("json"), "response_format");

        Assert.Null(await ReadAsync(form));
    }

    [Theory]
    [InlineData("application/json", """{"model":"x"}""")]
    [InlineData("multipart/form-data", "--b\r\n")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nx")]
    [InlineData(null, "")]
    public async Task NotAFormOrCut_IsNull(string? contentType, string body) =>
        Assert.Null(await MultipartModel.ReadAsync(contentType, System.Text.Encoding.UTF8.GetBytes(body)));
}
