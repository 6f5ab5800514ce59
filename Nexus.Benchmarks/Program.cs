using Nexus.Benchmarks.Cli;
using Nexus.Core.Monitoring;

namespace Nexus.Benchmarks;

/// <summary>
/// Entry point of <c>./nexus bench …</c>. A named class in a namespace, not top-level statements, so its type does not
/// collide with Nexus.Web's global <c>Program</c> that the tests' WebApplicationFactory starts.
/// </summary>
internal static class BenchmarksProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await BenchCommand.RunAsync(args);
        }
        catch (Exception error) when (StartupProblems.From(error) is { Count: > 0 } problems)
        {
            // The same settings mistakes as the app's (the benchmarks read its configuration): one line each, no stack trace.
            return StartupProblems.Report(problems, Console.Error);
        }
    }
}
