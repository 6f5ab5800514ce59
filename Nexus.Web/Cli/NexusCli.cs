using System.CommandLine;

namespace Nexus.Web.Cli;

/// <summary>
/// The command line: <c>dotnet run --project Nexus.Web -- &lt;verb&gt;</c>. Verbs read the same configuration as the
/// web app; machine-readable output goes to stdout with <c>--json</c>, progress to stderr; exit 0 only on success.
/// </summary>
public static class NexusCli
{
    /// <summary>Asking for help in any of the usual spellings prints the verbs instead of starting the server.</summary>
    private static readonly string[] HelpWords = ["--help", "-h", "-?", "/?", "help"];

    /// <summary>
    /// A verb is a first argument that is not an option (hosts and test runners pass options like <c>--urls</c>),
    /// or a request for help.
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || HelpWords.Contains(args[0], StringComparer.OrdinalIgnoreCase));

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Nexus: connect stores, sync their data, grade its quality and analyse it. Run with no verb to start the web app.")
        {
            ValidateDeploymentCommand.Create(),
            StoresCommand.Create(),
            SyncCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            AnalyzeCommand.Create(),
            MovedBenchCommand.Create(),
            QualityCommand.Create(),
            FxCommand.Create(),
            ReportCommand.Create(),
        };
        // "help" on its own is not a System.CommandLine word; "help VERB" means "VERB --help".
        if (args.Length > 0 && HelpWords.Contains(args[0], StringComparer.OrdinalIgnoreCase))
            args = [.. args.Skip(1), "--help"];
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>A host with Nexus's services and configuration but no web server, for verbs to run in.</summary>
    /// <param name="configureServices">Services a caller adds to the app's (the benchmarks add their own).</param>
    internal static WebApplication BuildHost(Action<IServiceCollection>? configureServices = null)
    {
        var builder = NexusWebApp.CreateBuilder([]);
        configureServices?.Invoke(builder.Services);
        // Verbs print their own progress; only warnings and errors from the libraries reach stderr.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Hangfire"] = "Warning",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder.Build();
    }
}
