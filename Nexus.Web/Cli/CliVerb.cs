namespace Nexus.Web.Cli;

/// <summary>Runs a verb's body in a CLI host and turns the expected failures into a message on stderr and an exit code.</summary>
internal static class CliVerb
{
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            await using var host = NexusCli.BuildHost();
            return await body(host.Services, cancellationToken);
        }
        catch (Exception ex) when (ex is CliException or ArgumentException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}
