using System.Net;
using System.Net.Sockets;

namespace Nexus.Tests.Platforms;

public static class LoopbackPort
{
    /// <summary>A loopback port that was free a moment ago and that nothing listens on now: connecting to it is refused.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
