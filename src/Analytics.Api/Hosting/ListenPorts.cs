using System.Net;
using System.Net.Sockets;

namespace Analytics.Api.Hosting;

/// <summary>
/// Whether the addresses the service is to listen on are free, asked of the operating system before anything is
/// created: Kestrel would find out only after the database, the inbox and the workers were up, and say it in a stack trace.
/// </summary>
internal static class ListenPorts
{
    public const string DefaultUrls = "http://localhost:5000";

    /// <summary>The URLs Kestrel will bind: <c>urls</c> (<c>--urls</c>, ASPNETCORE_URLS, appsettings) and Kestrel:Endpoints, else its default.</summary>
    public static IReadOnlyList<string> UrlsOf(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        if (endpoints.Count > 0)
            return endpoints;
        var urls = configuration["urls"] is { Length: > 0 } given ? given : DefaultUrls;
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Throws <see cref="StartRefusedException"/> naming the first address that cannot be listened on.</summary>
    public static void CheckFree(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new StartRefusedException($"监听地址“{url}”无法识别，应形如 http://0.0.0.0:5000（--urls）。");
            }
            if (address.IsUnixPipe || address.Port == 0)
                continue;
            foreach (var ip in AddressesOf(address.Host))
                Probe(ip, address.Port, url);
        }
    }

    /// <summary>What Kestrel binds for a host: both loopbacks for localhost, every interface for * + and names, else the address.</summary>
    private static IEnumerable<IPAddress> AddressesOf(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? [ip] : [Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any];
    }

    private static void Probe(IPAddress ip, int port, string url)
    {
        if (ip.AddressFamily == AddressFamily.InterNetworkV6 && !Socket.OSSupportsIPv6)
            return;
        using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (ip.Equals(IPAddress.IPv6Any))
            socket.DualMode = true;
        // As Kestrel does on Linux and macOS: connections of a service just stopped (TIME_WAIT) do not hold the port; a listener does.
        if (!OperatingSystem.IsWindows())
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(ip, port));
            socket.Listen();
        }
        // IPv6 switched off, or no ::1 in a container, is no refusal: Kestrel then listens on IPv4 alone. Only a listener is.
        catch (SocketException e) when (e.SocketErrorCode != SocketError.AddressFamilyNotSupported
            && (!ip.Equals(IPAddress.IPv6Loopback) || e.SocketErrorCode == SocketError.AddressAlreadyInUse))
        {
            throw e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => new StartRefusedException(
                    $"端口 {port} 已被占用（{url}）：服务可能已在运行，或有其他程序在用这个端口；请先停止它，或用 --urls http://0.0.0.0:{NextPort(port)} 换一个端口。"),
                SocketError.AccessDenied => new StartRefusedException(
                    $"没有权限监听端口 {port}（{url}）：1024 以下的端口需要管理员权限，请用 --urls http://0.0.0.0:5000 这样的端口。"),
                SocketError.AddressNotAvailable => new StartRefusedException(
                    $"本机没有地址 {ip}（{url}）：请用本机的地址，或用 http://0.0.0.0:{port} 监听所有网卡。"),
                _ => new StartRefusedException($"无法监听 {url}：{e.Message}"),
            };
        }
    }

    private static int NextPort(int port) => port < 65535 ? port + 1 : 5000;
}
