using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// A TCP relay on 127.0.0.1 between the host and its database server, which a test switches off and on to stage an
/// outage the way one happens: <see cref="Stop"/> closes the listening socket and resets every live connection
/// (the host's pooled connections included), so new connections are refused; <see cref="Start"/> listens again on
/// the same port. The host is never told.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _sockets = new();
    private TcpListener? _listener;
    private int _accepted;

    public TcpRelay(IPEndPoint target)
    {
        _target = target;
        Start();
    }

    /// <summary>The port the relay listens on, the same one after every <see cref="Start"/>.</summary>
    public int Port { get; private set; }

    /// <summary>How many connections the relay has accepted since it was created.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Listens (again) on <see cref="Port"/>; the first start takes a free port.</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The relay is already listening.");
        }

        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    /// <summary>Stops listening and resets every connection it carries, in both directions.</summary>
    public void Stop()
    {
        if (_listener is not { } listener)
        {
            return;
        }

        // No connection is accepted after this: the accept loop ends with the listening socket.
        _listener = null;
        listener.Stop();
        foreach (var socket in _sockets.Keys)
        {
            Reset(socket);
        }
    }

    public void Dispose() => Stop();

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _sockets[client] = 0;
        _sockets[server] = 0;
        try
        {
            await server.ConnectAsync(_target).ConfigureAwait(false);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The relay was stopped, or one side went away: both sides are closed below.
        }
        finally
        {
            _sockets.TryRemove(client, out _);
            _sockets.TryRemove(server, out _);
            Reset(client);
            Reset(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset by the other side or by Stop.
        }
    }

    // An abrupt close (RST, no TIME_WAIT): what the host sees when a server or the network between goes away.
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }
}
