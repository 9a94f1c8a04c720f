using System.Net;
using System.Net.Sockets;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a real service (Azurite), so a test can take the service away from the app
/// (<see cref="Cut"/>: open connections dropped, new ones refused) and give it back (<see cref="Restore"/>) without
/// losing the service's data.
/// </summary>
public sealed class LoopbackTcpProxy : IAsyncDisposable
{
    readonly int _targetPort;
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    readonly List<TcpClient> _open = [];
    readonly Task _accepting;
    volatile bool _cut;

    public LoopbackTcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The service is unreachable: every open connection is closed and new ones are closed at once.</summary>
    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open)
                client.Dispose();
            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (_cut)
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
                inbound.Dispose();
                continue;
            }
            _ = RelayAsync(inbound);
        }
    }

    async Task RelayAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (_open)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), both.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), both.Token);
            await Task.WhenAny(up, down);
            await both.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut, or one side closed: the relay ends.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
