namespace OllamaSimulator.Json;

/// <summary>
/// Checks the first JSON value of a request body the way Go's <c>json.Decoder</c> does, so that a bad body
/// gets Go's own error text (<c>invalid character 'x' looking for beginning of value</c>, <c>unexpected EOF</c>).
/// Like the decoder, anything after the first complete value is ignored.
/// </summary>
internal static partial class GoJsonSyntax
{
    private const int MaxDepth = 10000;

    private enum Step
    {
        BeginValue,
        ObjectKey,
        EndValue,
    }

    /// <summary>Null when valid (with <paramref name="end"/> just past the value); else Go's message. <c>"EOF"</c> means no value at all.</summary>
    public static string? Check(ReadOnlySpan<byte> data, out int end)
    {
        end = 0;
        var pos = SkipSpace(data, 0);
        if (pos == data.Length)
        {
            return "EOF";
        }

        var stack = new Stack<byte>();
        var step = Step.BeginValue;
        while (true)
        {
            pos = SkipSpace(data, pos);
            if (pos == data.Length)
            {
                // A number alone at the top level may end at EOF; anything open cannot.
                return stack.Count == 0 && step == Step.EndValue ? Done(pos, out end) : "unexpected EOF";
            }

            var c = data[pos];
            string? error;
            switch (step)
            {
                case Step.BeginValue:
                    if (c is (byte)'{' or (byte)'[')
                    {
                        if (stack.Count >= MaxDepth)
                        {
                            return Invalid(c, "exceeded max depth");
                        }

                        stack.Push(c);
                        pos = SkipSpace(data, pos + 1);
                        if (pos == data.Length)
                        {
                            return "unexpected EOF";
                        }

                        if (data[pos] == (c == '{' ? '}' : ']'))
                        {
                            stack.Pop();
                            pos++;
                            step = Step.EndValue;
                        }
                        else
                        {
                            step = c == '{' ? Step.ObjectKey : Step.BeginValue;
                        }

                        break;
                    }

                    error = c switch
                    {
                        (byte)'"' => ScanString(data, ref pos),
                        (byte)'-' or (>= (byte)'0' and <= (byte)'9') => ScanNumber(data, ref pos),
                        (byte)'t' => ScanLiteral(data, ref pos, "true"),
                        (byte)'f' => ScanLiteral(data, ref pos, "false"),
                        (byte)'n' => ScanLiteral(data, ref pos, "null"),
                        _ => Invalid(c, "looking for beginning of value"),
                    };
                    if (error is not null)
                    {
                        return error;
                    }

                    step = Step.EndValue;
                    break;

                case Step.ObjectKey:
                    if (c != '"')
                    {
                        return Invalid(c, "looking for beginning of object key string");
                    }

                    if ((error = ScanString(data, ref pos)) is not null)
                    {
                        return error;
                    }

                    pos = SkipSpace(data, pos);
                    if (pos == data.Length)
                    {
                        return "unexpected EOF";
                    }

                    if (data[pos] != ':')
                    {
                        return Invalid(data[pos], "after object key");
                    }

                    pos++;
                    step = Step.BeginValue;
                    break;

                case Step.EndValue:
                    if (stack.Count == 0)
                    {
                        return Done(pos, out end);
                    }

                    var inObject = stack.Peek() == '{';
                    if (c == ',')
                    {
                        pos++;
                        step = inObject ? Step.ObjectKey : Step.BeginValue;
                    }
                    else if (c == (inObject ? '}' : ']'))
                    {
                        stack.Pop();
                        pos++;
                        if (stack.Count == 0)
                        {
                            return Done(pos, out end);
                        }
                    }
                    else
                    {
                        return Invalid(c, inObject ? "after object key:value pair" : "after array element");
                    }

                    break;
            }
        }
    }

    /// <summary>Go's <c>quoteChar</c>: the offending byte in single quotes, escaped like a Go string.</summary>
    public static string QuoteChar(byte c) => c switch
    {
        (byte)'\'' => @"'\''",
        (byte)'"' => "'\"'",
        (byte)'\\' => @"'\\'",
        (byte)'\a' => @"'\a'",
        (byte)'\b' => @"'\b'",
        (byte)'\f' => @"'\f'",
        (byte)'\n' => @"'\n'",
        (byte)'\r' => @"'\r'",
        (byte)'\t' => @"'\t'",
        (byte)'\v' => @"'\v'",
        < 0x20 or 0x7f => $"'\\x{c:x2}'",
        >= 0x80 and < 0xa0 => $"'\\u{c:x4}'",
        _ => $"'{(char)c}'",
    };

    private static string? Done(int pos, out int end)
    {
        end = pos;
        return null;
    }

    private static string Invalid(byte c, string context) => $"invalid character {QuoteChar(c)} {context}";

    private static int SkipSpace(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length && data[pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            pos++;
        }

        return pos;
    }
}
