using OllamaSimulator.Json;

namespace OllamaSimulator.Tests.Json;

public sealed class GoJsonWriterTests
{
    [Fact]
    public void String_EscapesLikeGoEncodingJson()
    {
        var json = new GoJsonWriter().String("<a href=\"x\">&</a>\n\t\\\u0001\u2028é").ToString();
        Assert.Equal("\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\n\\t\\\\\\u0001\\u2028é\"", json);
    }

    [Fact]
    public void Objects_KeepFieldOrderAndCommas()
    {
        var json = new GoJsonWriter().StartObject()
            .Property("b", 1).Name("a").StartArray().Number(1).Null().Bool(false).EndArray()
            .Name("c").StartObject().EndObject()
            .PropertyIfNotZero("zero", 0).PropertyIfNotEmpty("empty", "")
            .EndObject().ToString();
        Assert.Equal("{\"b\":1,\"a\":[1,null,false],\"c\":{}}", json);
    }

    [Theory]
    [InlineData(0.010071029f, "0.010071029")]
    [InlineData(-0.0017594862f, "-0.0017594862")]
    [InlineData(0.05007221f, "0.05007221")]
    [InlineData(1e-7f, "1e-7")]
    [InlineData(0.000001f, "0.000001")]
    [InlineData(0.5f, "0.5")]
    [InlineData(3f, "3")]
    [InlineData(0f, "0")]
    public void Float32_UsesGoShortestFormat(float value, string expected) =>
        Assert.Equal(expected, GoFloat.Format(value, single: true));

    [Theory]
    [InlineData(0.5674839201238475, "0.5674839201238475")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456789.0, "123456789")]
    [InlineData(1.5e-9, "1.5e-9")]
    [InlineData(-2.5e-12, "-2.5e-12")]
    [InlineData(1e20, "100000000000000000000")]
    public void Float64_UsesGoShortestFormat(double value, string expected) =>
        Assert.Equal(expected, GoFloat.Format(value, single: false));
}
