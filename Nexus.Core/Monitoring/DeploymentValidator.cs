using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nexus.Core.Monitoring.Notifications;
using Nexus.Core.Storage;

namespace Nexus.Core.Monitoring;

/// <summary>
/// Checks that a deployment can run: configuration that must never reach production, the data folder, the
/// database and its migrations, the key ring, HTTPS, SMTP and whatever other features add (job storage). Lists every problem rather than stopping at the first, so an operator fixes them
/// in one pass.
/// </summary>
public sealed class DeploymentValidator(
    IConfiguration configuration,
    IHostEnvironment environment,
    IDbContextFactory<NexusDbContext> dbFactory,
    IOptions<NexusStorageOptions> storage,
    IOptions<HostingOptions> hosting,
    IOptions<SmtpOptions> smtp,
    EmailSender email,
    IEnumerable<IDeploymentCheckSource> sources)
{
    /// <summary>Configuration-only checks, cheap enough to run before the web host starts.</summary>
    public static IReadOnlyList<DeploymentCheck> CheckConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var checks = new List<DeploymentCheck>
        {
            Flag(configuration, environment, "Nexus:Demo:Enabled", "Demo mode",
                "Demo mode seeds users with a published password. Set Nexus__Demo__Enabled=false for production."),
            Flag(configuration, environment, "Nexus:Sandbox:Enabled", "Sandbox stores",
                "The sandbox serves fake store data. Set Nexus__Sandbox__Enabled=false for production."),
        };
        var workers = configuration.GetValue("Nexus:Jobs:WorkerCount", 3);
        checks.Add(new DeploymentCheck("Job workers", workers is >= 1 and <= 64,
            workers is >= 1 and <= 64 ? $"{workers} worker(s)" : $"Nexus:Jobs:WorkerCount is {workers}; use 1 to 64."));
        checks.Add(Stores.KeyRingProtection.Check(configuration, environment,
            (configuration.GetSection(NexusStorageOptions.Section).Get<NexusStorageOptions>() ?? new()).ResolveDataFolder()));
        return checks;
    }

    private static DeploymentCheck Flag(IConfiguration configuration, IHostEnvironment environment, string key, string name, string fix)
    {
        var enabled = configuration.GetValue<bool>(key);
        var ok = !(enabled && environment.IsProduction());
        return new DeploymentCheck(name, ok, ok ? (enabled ? $"enabled ({environment.EnvironmentName})" : "disabled") : fix);
    }

    public async Task<IReadOnlyList<DeploymentCheck>> ValidateAsync(CancellationToken cancellationToken = default)
    {
        var checks = CheckConfiguration(configuration, environment).ToList();
        checks.Add(CheckDataFolder(storage.Value.ResolveDataFolder()));
        checks.AddRange(await CheckDatabaseAsync(cancellationToken));
        foreach (var source in sources)
        {
            checks.AddRange(await source.CheckAsync(cancellationToken));
        }
        checks.Add(DeploymentChecks.KeyRingPersisted(Path.Combine(storage.Value.ResolveDataFolder(), "keys")));
        checks.Add(DeploymentChecks.Https(hosting.Value, environment));
        checks.Add(await CheckSmtpAsync(cancellationToken));
        return checks;
    }

    private async Task<DeploymentCheck> CheckSmtpAsync(CancellationToken cancellationToken)
    {
        if (!smtp.Value.IsConfigured)
        {
            return new DeploymentCheck("SMTP", true, "not configured: alert e-mails and digests are not sent (set Nexus__Smtp__Host and Nexus__Smtp__From to send them)");
        }
        var problem = await email.CheckAsync(cancellationToken);
        return problem is null
            ? new DeploymentCheck("SMTP", true, $"{smtp.Value.Host}:{smtp.Value.Port} answers")
            : new DeploymentCheck("SMTP", false, $"Cannot reach {smtp.Value.Host}:{smtp.Value.Port} ({problem}). Check Nexus:Smtp:Host, Port, Security and the credentials.");
    }

    private static DeploymentCheck CheckDataFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return new DeploymentCheck("Data folder", true, $"{folder} is writable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DeploymentCheck("Data folder", false, $"{folder} is not writable ({ex.Message}). Point Nexus__DataFolder at a writable folder.");
        }
    }

    private async Task<IReadOnlyList<DeploymentCheck>> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return [new DeploymentCheck("Database", false, "The database does not exist yet or cannot be opened. Start the web app once (it creates and migrates the database), or check ConnectionStrings__Nexus.")];
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return
            [
                new DeploymentCheck("Database", true, $"connected ({db.Database.ProviderName})"),
                new DeploymentCheck("Migrations", pending.Count == 0,
                    pending.Count == 0 ? "schema is current" : $"{pending.Count} pending: {string.Join(", ", pending)}. Start the web app once (it migrates at start-up)."),
            ];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [new DeploymentCheck("Database", false, $"Cannot open the database: {ex.Message}")];
        }
    }
}
