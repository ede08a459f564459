using OllamaOrleans.Api.Security;

namespace OllamaOrleans.Silo.Hosting;

/// <summary>
/// <c>--new-key</c> prints a new random API key and the settings that configure its hash;
/// <c>--hash-key</c> hashes a key read from standard input (not from the command line, where other
/// users of the machine could read it in the process list).
/// </summary>
public static class KeyCommands
{
    public static bool Requested(string[] args) => args.Contains("--new-key") || args.Contains("--hash-key");

    public static int Run(string[] args, TextReader input, TextWriter output)
    {
        if (args.Contains("--hash-key"))
        {
            var key = input.ReadLine()?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                Console.Error.WriteLine("--hash-key reads the key from standard input: printf %s KEY | dotnet OllamaOrleans.Silo.dll --hash-key");
                return 2;
            }

            output.WriteLine(ApiKeyHash.Of(key));
            return 0;
        }

        var fresh = ApiKeyHash.NewKey();
        output.WriteLine($"key:  {fresh}");
        output.WriteLine("Give the key to its user; configure only its hash (for a read key, Role=read):");
        output.WriteLine("  Auth__Keys__0__Name=ops");
        output.WriteLine($"  Auth__Keys__0__Hash={ApiKeyHash.Of(fresh)}");
        output.WriteLine("  Auth__Keys__0__Role=admin");
        return 0;
    }
}
