using Nexus.Web;
using Nexus.Web.Cli;

// With a verb (`dotnet run --project Nexus.Web -- validate-deployment`) run the command line; otherwise serve the app.
if (NexusCli.IsVerb(args))
{
    return await NexusCli.RunAsync(args);
}

var app = NexusWebApp.Build(NexusWebApp.CreateBuilder(args));
await app.InitializeAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point type, public so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
