using Nexus.Core.Sync;

namespace Nexus.Web.Cli;

/// <summary>
/// Runs a verb's body in a CLI host and turns every failure into one line on stderr and a non-zero exit code:
/// an operator sees what went wrong in plain words, never a stack trace (those go to the log at debug level).
/// </summary>
internal static class CliVerb
{
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            await using var host = NexusCli.BuildHost();
            return await body(host.Services, cancellationToken);
        }
        catch (Exception ex) when (ex is CliException or ArgumentException or KeyNotFoundException or StoreSyncLockedException)
        {
            Console.Error.WriteLine($"error: {OneLine(ex.Message)}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("error: cancelled.");
            return 130;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"error: an unexpected {ex.GetType().Name} stopped the command: {OneLine(ex.Message)}");
            return 2;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
