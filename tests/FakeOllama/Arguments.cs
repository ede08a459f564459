using System.Globalization;

namespace FakeOllama;

/// <summary>The few options of the fake: <c>--name value</c> pairs.</summary>
public sealed record Arguments(int Port, double Burn, int HoldMegabytes)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new Arguments(
            int.Parse(Value("--port") ?? "0", CultureInfo.InvariantCulture),
            double.Parse(Value("--runner-burn") ?? Value("--burn") ?? "0.5", CultureInfo.InvariantCulture),
            int.Parse(Value("--runner-mb") ?? Value("--hold-mb") ?? "64", CultureInfo.InvariantCulture));
    }
}
