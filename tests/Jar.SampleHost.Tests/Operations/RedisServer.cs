using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// A Redis server of the test's own: Debian's <c>redis-server</c> (scripts/redis.sh installs it and exports its path
/// as <c>JAR_REDIS_SERVER</c>) on 127.0.0.1 and a free port, nothing persisted. <see cref="Stop"/> kills the
/// process, as a crash would; <see cref="Start"/> starts a new, empty one on the same port.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string BinaryVariable = "JAR_REDIS_SERVER";

    private readonly string _binary;
    private readonly string _directory = Directory.CreateTempSubdirectory("jar-redis-").FullName;
    private Process? _process;

    public RedisServer()
    {
        _binary = Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } configured ? configured
            : File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server"
            : throw new InvalidOperationException($"redis-server is not installed. Run ./test.sh (scripts/redis.sh installs it), or set {BinaryVariable} to its path.");
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Start();
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts the server and returns once it answers PING.</summary>
    public void Start()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The server is running.");
        }

        var start = new ProcessStartInfo(_binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", _directory])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; !Answers(); attempt++)
        {
            if (_process.HasExited || attempt == 200)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer.");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the server (SIGKILL): every connection to it drops, nothing is flushed.</summary>
    public void Stop()
    {
        if (_process is { } process)
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            _process = null;
        }
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_directory, recursive: true);
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
