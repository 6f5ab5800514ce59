using System.Net;
using System.Net.Sockets;

namespace Nexus.Tests.Platforms;

/// <summary>
/// A loopback TCP port that accepts every connection and never sends a byte: a store behind a firewall that drops
/// requests, or a hung web server. Only a timeout ends a request to it.
/// </summary>
public sealed class SilentTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _accepted = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SilentTcpServer()
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>How many connections were accepted (and left unanswered).</summary>
    public int Accepted { get { lock (_accepted) return _accepted.Count; } }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_accepted) _accepted.Add(client); // kept open, never read nor written
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _accepting;
        _listener.Stop();
        lock (_accepted) _accepted.ForEach(c => c.Dispose());
        _stop.Dispose();
    }
}
