using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Nexus.Core.Monitoring;
using Nexus.Tests.Infrastructure;
using Nexus.Web;
using Nexus.Web.Cli;

namespace Nexus.Tests.Web;

public sealed class DeploymentConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static IHostEnvironment Env(string name) => new HostingEnvironment { EnvironmentName = name };

    [Fact]
    public void Demo_mode_in_production_is_a_problem_with_the_fix_named()
    {
        var checks = DeploymentValidator.CheckConfiguration(Config(("Nexus:Demo:Enabled", "true")), Env("Production"));
        var demo = Assert.Single(checks, c => c.Name == "Demo mode");
        Assert.False(demo.Passed);
        Assert.Contains("Nexus__Demo__Enabled=false", demo.Detail);
    }

    [Fact]
    public void Demo_mode_in_development_passes()
    {
        var checks = DeploymentValidator.CheckConfiguration(Config(("Nexus:Demo:Enabled", "true")), Env("Development"));
        Assert.All(checks, c => Assert.True(c.Passed, c.Detail));
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var checks = DeploymentValidator.CheckConfiguration(
            Config(("Nexus:Demo:Enabled", "true"), ("Nexus:Sandbox:Enabled", "true"), ("Nexus:Jobs:WorkerCount", "0")), Env("Production"));
        Assert.Equal(4, checks.Count(c => !c.Passed)); // demo, sandbox, workers, and the unprotected key ring
    }

    [Fact]
    public void The_web_app_refuses_to_start_in_production_with_the_shipped_demo_settings()
    {
        var builder = NexusWebApp.CreateBuilder(["--environment", "Production", "--Nexus:DataFolder", Path.Combine(Path.GetTempPath(), "nexus-prod-refusal")]);
        var error = Assert.Throws<DeploymentRefusedException>(() => NexusWebApp.Build(builder));
        Assert.Contains("Demo mode", error.Message);
        // What Program prints: one line per problem, no stack trace.
        var problems = StartupProblems.From(error);
        Assert.Contains(problems, p => p.StartsWith("Demo mode: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sandbox stores: ", StringComparison.Ordinal));
    }
}

/// <summary>The CLI writes to the process-wide console, so it runs in the serial host collection.</summary>
[Collection(HostCollection.Name)]
public sealed class ValidateDeploymentCliTests
{
    [Fact]
    public async Task Validate_deployment_reports_a_missing_database_then_passes_after_start_up()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nexus-cli-tests", Guid.NewGuid().ToString("N"));
        // The test process has no ASPNETCORE_ENVIRONMENT, so this is a production deployment: demo mode and the sandbox must be off.
        Environment.SetEnvironmentVariable("Nexus__DataFolder", folder);
        Environment.SetEnvironmentVariable("Nexus__Demo__Enabled", "false");
        Environment.SetEnvironmentVariable("Nexus__Sandbox__Enabled", "false");
        // A production deployment also needs HTTPS (or a proxy).
        Environment.SetEnvironmentVariable("Nexus__Hosting__RequireHttps", "true");
        Environment.SetEnvironmentVariable("Nexus__KeyRing__AllowUnprotected", "true"); // protecting it is KeyRingProtectionTests' subject
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var exit = await NexusCli.RunAsync(["validate-deployment", "--json"]);
            Assert.Equal(1, exit);
            Assert.Contains("\"name\": \"Database\"", output.ToString());
            Assert.Contains("Start the web app once", output.ToString());

            Assert.Contains("\"name\": \"Job storage\"", output.ToString());
            Assert.Contains("\"name\": \"Key ring persisted\"", output.ToString());

            await using (var host = NexusCli.BuildHost())
            {
                // What the first start of the web app does: migrate, create the job schema, create the key ring.
                await host.Services.GetRequiredService<Nexus.Core.Storage.DatabaseInitializer>().InitializeAsync();
                _ = new Hangfire.Storage.SQLite.SQLiteStorage(Path.Combine(folder, "hangfire.db"));
                host.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test").Protect(new byte[] { 1 });
            }
            output.GetStringBuilder().Clear();
            var second = await NexusCli.RunAsync(["validate-deployment"]);
            Assert.True(second == 0, output.ToString());
            Assert.Contains("Deployment is valid.", output.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Environment.SetEnvironmentVariable("Nexus__DataFolder", null);
            Environment.SetEnvironmentVariable("Nexus__Demo__Enabled", null);
            Environment.SetEnvironmentVariable("Nexus__Sandbox__Enabled", null);
            Environment.SetEnvironmentVariable("Nexus__Hosting__RequireHttps", null);
            Environment.SetEnvironmentVariable("Nexus__KeyRing__AllowUnprotected", null);
        }
    }
}
