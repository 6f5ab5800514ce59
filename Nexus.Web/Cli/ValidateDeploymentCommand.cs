using System.CommandLine;
using System.Text.Json;
using Nexus.Core.Monitoring;

namespace Nexus.Web.Cli;

/// <summary><c>validate-deployment [--json]</c>: lists every configuration, data-folder and database problem; exit 1 if any.</summary>
internal static class ValidateDeploymentCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON on stdout." };
        var command = new Command("validate-deployment", "Check configuration, data folder, database and migrations; list every problem.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = NexusCli.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var checks = await scope.ServiceProvider.GetRequiredService<DeploymentValidator>().ValidateAsync(cancellationToken);
            var ok = checks.All(c => c.Passed);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { ok, checks }, CliJson.Options));
            }
            else
            {
                foreach (var check in checks)
                {
                    Console.WriteLine($"{(check.Passed ? "ok  " : "FAIL")}  {check.Name}: {check.Detail}");
                }
                Console.WriteLine(ok ? "Deployment is valid." : $"{checks.Count(c => !c.Passed)} problem(s) found.");
            }
            return ok ? 0 : 1;
        });
        return command;
    }
}
