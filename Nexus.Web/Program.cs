using Nexus.Core.Monitoring;
using Nexus.Web;
using Nexus.Web.Cli;

try
{
    // With a verb (`dotnet run --project Nexus.Web -- validate-deployment`) run the command line; otherwise serve the app.
    if (NexusCli.IsVerb(args))
    {
        return await NexusCli.RunAsync(args);
    }

    var app = NexusWebApp.Build(NexusWebApp.CreateBuilder(args));
    await app.InitializeAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (StartupProblems.From(error) is { Count: > 0 } problems)
{
    // A settings mistake gets one line per problem and a non-zero exit, not a stack trace.
    return StartupProblems.Report(problems, Console.Error);
}

/// <summary>Entry point type, public so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
