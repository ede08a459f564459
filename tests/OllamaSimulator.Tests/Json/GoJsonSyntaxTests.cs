using System.Text;
using OllamaSimulator.Json;

namespace OllamaSimulator.Tests.Json;

public sealed class GoJsonSyntaxTests
{
    [Theory]
    [InlineData("x", "invalid character 'x' looking for beginning of value")]
    [InlineData("{\"model\":", "unexpected EOF")]
    [InlineData("{\"model\":\"llama3.2\"", "unexpected EOF")]
    [InlineData("{\"a\" 1}", "invalid character '1' after object key")]
    [InlineData("{\"a\":1 \"b\":2}", "invalid character '\"' after object key:value pair")]
    [InlineData("{a:1}", "invalid character 'a' looking for beginning of object key string")]
    [InlineData("{\"a\":[1 2]}", "invalid character '2' after array element")]
    [InlineData("{\"a\":[1,]}", "invalid character ']' looking for beginning of value")]
    [InlineData("{\"a\":tru}", "invalid character '}' in literal true (expecting 'e')")]
    [InlineData("{\"a\":nul}", "invalid character '}' in literal null (expecting 'l')")]
    [InlineData("{\"a\":-x}", "invalid character 'x' in numeric literal")]
    [InlineData("{\"a\":1.}", "invalid character '}' after decimal point in numeric literal")]
    [InlineData("{\"a\":1e}", "invalid character '}' in exponent of numeric literal")]
    [InlineData("{\"a\":\"\\q\"}", "invalid character 'q' in string escape code")]
    [InlineData("{\"a\":\"\\u12g4\"}", "invalid character 'g' in \\u hexadecimal character escape")]
    [InlineData("{\"a\":\"\n\"}", "invalid character '\\n' in string literal")]
    [InlineData("{'a':1}", "invalid character '\\'' looking for beginning of object key string")]
    public void Check_InvalidBody_ReturnsGoDecoderMessage(string body, string expected) =>
        Assert.Equal(expected, GoJsonSyntax.Check(Encoding.UTF8.GetBytes(body), out _));

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    public void Check_NoValue_ReturnsEof(string body) =>
        Assert.Equal("EOF", GoJsonSyntax.Check(Encoding.UTF8.GetBytes(body), out _));

    [Theory]
    [InlineData("{\"a\":1} trailing garbage", 7)]
    [InlineData(" {\"a\":[1,{\"b\":null}]}", 21)]
    [InlineData("123", 3)]
    [InlineData("{}{}", 2)]
    public void Check_ValidFirstValue_IgnoresTheRestLikeGoDecoder(string body, int end)
    {
        Assert.Null(GoJsonSyntax.Check(Encoding.UTF8.GetBytes(body), out var actualEnd));
        Assert.Equal(end, actualEnd);
    }
}
