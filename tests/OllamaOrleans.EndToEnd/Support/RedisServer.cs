using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// A throwaway redis-server on a free loopback port, in memory only (no RDB, no AOF); optionally with
/// a password (<c>requirepass</c>) and TLS only (a self-signed certificate for 127.0.0.1, <see cref="CaFile"/>).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string directory;
    private readonly string? password;

    private RedisServer(ChildProcess process, int port, string directory, string? password, string? caFile)
    {
        Process = process;
        Port = port;
        this.directory = directory;
        this.password = password;
        CaFile = caFile;
    }

    public ChildProcess Process { get; }

    public int Port { get; }

    /// <summary>The server's certificate (PEM), to trust with <c>REDIS_CA_FILE</c>; null without TLS.</summary>
    public string? CaFile { get; }

    /// <summary>The value of <c>REDIS_CONNECTION</c> for a silo using this server (the password left out).</summary>
    public string Connection => $"127.0.0.1:{Port}" + (CaFile is null ? "" : ",ssl=true");

    public static async Task<RedisServer> StartAsync(string? password = null, bool tls = false)
    {
        var port = FreePorts.One();
        var directory = Directory.CreateTempSubdirectory("ollama-orleans-redis-").FullName;
        var portText = port.ToString(CultureInfo.InvariantCulture);
        List<string> arguments = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory];
        arguments.AddRange(tls ? ["--port", "0", "--tls-port", portText, .. TlsArguments(directory)] : ["--port", portText]);
        if (password is not null)
        {
            arguments.AddRange(["--requirepass", password]);
        }

        var process = ChildProcess.StartProgram("redis-server", directory, new Dictionary<string, string>(), [.. arguments]);
        var server = new RedisServer(process, port, directory, password, tls ? Path.Combine(directory, "cert.pem") : null);
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            () => Task.FromResult(process.HasExited ? throw new InvalidOperationException("redis-server exited:\n" + process.OutputText) : server.Answers()),
            up => up,
            _ => "redis-server not answering:\n" + process.OutputText);
        return server;
    }

    /// <summary>The number of keys in the database, read with the password over the server's transport.</summary>
    public long KeyCount()
    {
        var reply = Command("DBSIZE");
        return reply.StartsWith(':') ? long.Parse(reply[1..].Trim(), CultureInfo.InvariantCulture) : throw new InvalidOperationException("DBSIZE: " + reply);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A self-signed certificate for 127.0.0.1 made here, so the test needs no openssl.</summary>
    private static string[] TlsArguments(string directory)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return ["--tls-cert-file", Path.Combine(directory, "cert.pem"), "--tls-key-file", Path.Combine(directory, "key.pem"), "--tls-auth-clients", "no"];
    }

    private bool Answers()
    {
        try
        {
            return Command("PING").StartsWith('+');
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }

    /// <summary>Sends one inline command (after AUTH when there is a password) and returns the last reply line.</summary>
    private string Command(string command)
    {
        using var client = new TcpClient("127.0.0.1", Port);
        using Stream stream = CaFile is null ? client.GetStream() : Tls(client.GetStream());
        var lines = password is null ? command + "\r\n" : $"AUTH {password}\r\n{command}\r\n";
        stream.Write(Encoding.UTF8.GetBytes(lines));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var reply = reader.ReadLine() ?? "";
        return password is null || !reply.StartsWith('+') ? reply : reader.ReadLine() ?? "";
    }

    private static string PemBody(string path) =>
        string.Concat(File.ReadAllLines(path).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));

    private SslStream Tls(NetworkStream inner)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false, (_, certificate, _, _) => certificate is not null && Convert.ToBase64String(certificate.GetRawCertData()) == PemBody(CaFile!));
        ssl.AuthenticateAsClient("127.0.0.1");
        return ssl;
    }
}
