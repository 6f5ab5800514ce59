using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Nexus.Tests.Hardening;

/// <summary>
/// The Nexus.Web build the tests reference, run as its own process against a data folder (as an operator runs the
/// CLI), whose stderr progress lines can be waited for, and which can be killed (SIGKILL, no clean-up).
/// </summary>
internal sealed partial class SyncProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _errorLines = [];

    private SyncProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static SyncProcess Start(string dataFolder, params string[] args)
    {
        var webDll = Path.Combine(AppContext.BaseDirectory, "Nexus.Web.dll");
        Assert.True(File.Exists(webDll), $"{webDll} is missing");
        var start = new ProcessStartInfo("dotnet", [webDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Nexus__DataFolder"] = dataFolder;
        start.Environment["DOTNET_gcServer"] = "0";
        return new SyncProcess(Process.Start(start)!);
    }

    /// <summary>Reads stderr until a line matches (and returns it), or fails when the process ends first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        string? line;
        while ((line = await _process.StandardError.ReadLineAsync(cancel.Token)) is not null)
        {
            _errorLines.Add(line);
            if (match(line)) return line;
        }
        Assert.Fail($"the process ended before the expected line; stderr was:\n{string.Join('\n', _errorLines)}");
        return "";
    }

    /// <summary>Waits for the process to end and returns its exit code, stdout and stderr.</summary>
    public async Task<(int ExitCode, string Out, string Error)> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        var output = _process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = _process.StandardError.ReadToEndAsync(cancel.Token);
        await _process.WaitForExitAsync(cancel.Token);
        return (_process.ExitCode, await output, string.Join('\n', _errorLines) + await error);
    }

    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>"Orders: page 3/30" → (Orders, 3, 30).</summary>
    public static (string Entity, int Page, int Total)? Progress(string line)
    {
        var match = ProgressLine().Match(line);
        return match.Success ? (match.Groups[1].Value, int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value)) : null;
    }

    [GeneratedRegex(@"(Customers|Products|Orders): page (\d+)/(\d+)")]
    private static partial Regex ProgressLine();

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
