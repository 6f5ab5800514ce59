using System.Globalization;
using Nexus.Benchmarks.Cli;
using Nexus.Core.Analytics;
using Nexus.Web.Cli;

namespace Nexus.Tests.Cli;

/// <summary>What one in-process CLI invocation printed and returned.</summary>
internal sealed record CliOutput(int ExitCode, string Out, string Error);

/// <summary>
/// Runs <see cref="NexusCli.RunAsync"/> in-process with stdout and stderr captured. The console is process-wide,
/// so every caller must be in the serial <c>HostCollection</c>.
/// </summary>
internal static class CliRun
{
    public static Task<CliOutput> RunAsync(params string[] args) => CaptureAsync(() => NexusCli.RunAsync(args));

    /// <summary>Runs the benchmarks' command line (<c>./nexus bench ARGS</c>) in-process, captured the same way.</summary>
    public static Task<CliOutput> BenchAsync(params string[] args) => CaptureAsync(() => BenchCommand.RunAsync(args));

    private static async Task<CliOutput> CaptureAsync(Func<Task<int>> run)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exit = await run();
            return new CliOutput(exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    /// <summary>Runs a verb against its own data folder, set through the environment as an operator would.</summary>
    public static async Task<CliOutput> InFolderAsync(string dataFolder, params string[] args)
    {
        Environment.SetEnvironmentVariable("Nexus__DataFolder", dataFolder);
        try
        {
            return await RunAsync(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Nexus__DataFolder", null);
        }
    }

    /// <summary>Writes transactions as the plain <c>customer_id,date,amount</c> CSV the analyze verb reads.</summary>
    public static void WriteTransactionsCsv(string path, IEnumerable<Transaction> transactions)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("customer_id,date,amount");
        foreach (var t in transactions)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.CustomerId},{t.Day:yyyy-MM-dd},{t.Amount}"));
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nexus-cli-tests", Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
