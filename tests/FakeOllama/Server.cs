using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FakeOllama;

/// <summary>
/// The server: listens on loopback, answers <c>/api/version</c>, <c>/api/tags</c> and <c>/api/ps</c>
/// the way an idle Ollama does, and keeps one runner child alive, as Ollama does with a model loaded.
/// </summary>
public static class Server
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var listener = new TcpListener(IPAddress.Loopback, arguments.Port);
        listener.Start();
        var runner = Process.Start(new ProcessStartInfo(Environment.ProcessPath!)
        {
            ArgumentList = { "runner", "--burn", arguments.Burn.ToString(CultureInfo.InvariantCulture), "--hold-mb", arguments.HoldMegabytes.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardInput = true,
            UseShellExecute = false,
        })!;
        Console.WriteLine($"ready {Environment.ProcessId} {runner.Id}");
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync();
            _ = AnswerAsync(client);
        }
    }

    private static async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var request = new StringBuilder();
            var buffer = new byte[4096];
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            var path = request.ToString().Split(' ') is [_, var p, ..] ? p : "/";
            var (status, body) = path switch
            {
                "/api/version" => ("200 OK", """{"version":"0.0.0-fake"}"""),
                "/api/tags" or "/api/ps" => ("200 OK", """{"models":[]}"""),
                "/" => ("200 OK", "Ollama is running"),
                _ => ("404 Not Found", "404 page not found"),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 {status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes);
        }
    }
}
