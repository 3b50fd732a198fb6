using System.Net;
using System.Net.Sockets;

namespace BrandPlatform.Testing;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now, so tests never collide with a running system.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
