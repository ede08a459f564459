using System.Text.Json;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Cuts the top-level <c>usage</c> member out of an OpenAI stream chunk, leaving every other byte as
/// it was. With <c>include_usage</c> Ollama's <c>/v1/completions</c> puts a zero <c>usage</c> on every
/// chunk (middleware/openai.go CompleteWriter.writeResponse); when the gateway asked for it and the
/// client did not, the client gets the chunk without it.
/// </summary>
public static class UsageMember
{
    /// <summary>The JSON without its top-level <c>usage</c>; null when it has none or is not valid JSON.</summary>
    public static byte[]? Remove(ReadOnlySpan<byte> json)
    {
        int start;
        int end;
        try
        {
            var reader = new Utf8JsonReader(json);
            while (true)
            {
                if (!reader.Read())
                {
                    return null;
                }

                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("usage"u8))
                {
                    start = (int)reader.TokenStartIndex;
                    reader.Read();
                    reader.Skip();
                    end = (int)reader.BytesConsumed;
                    break;
                }

                if (reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        var before = start - 1;
        while (before >= 0 && IsSpace(json[before]))
        {
            before--;
        }

        if (before >= 0 && json[before] == (byte)',')
        {
            // "…,"usage":{…}" : drop from the separator before it.
            start = before;
        }
        else
        {
            // The first member: drop the separator after it instead.
            while (end < json.Length && IsSpace(json[end]))
            {
                end++;
            }

            if (end < json.Length && json[end] == (byte)',')
            {
                end++;
            }
        }

        return [.. json[..start], .. json[end..]];
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
