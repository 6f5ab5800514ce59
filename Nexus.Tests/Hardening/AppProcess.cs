using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nexus.Tests.Hardening;

/// <summary>The Nexus.Web build run as its own web process (so a test can kill it, or serve it over HTTPS), on a free loopback port.</summary>
internal sealed class AppProcess : IDisposable
{
    private Process? _process;

    public AppProcess(string scheme = "http") => Address = new Uri($"{scheme}://127.0.0.1:{FreePort()}");

    public Uri Address { get; }

    public Dictionary<string, string> Environment { get; } = new() { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_gcServer"] = "0" };

    public async Task StartAsync(HttpMessageHandler? probe = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Nexus.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        _process = Process.Start(start)!;
        var error = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { lock (error) error.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = probe is null ? new HttpClient() : new HttpClient(probe, disposeHandler: false);
        http.BaseAddress = Address;
        for (var i = 0; i < 120 && !_process.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync("/Account/Login")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(500);
        }
        Assert.Fail($"the app did not start: {error}");
    }

    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.Dispose();
    }
}
