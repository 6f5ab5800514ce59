using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Nexus.Core.Monitoring;
using Nexus.Core.Storage;
using Nexus.Web.Jobs;

namespace Nexus.Web.Monitoring;

/// <summary><c>validate-deployment</c>: the job storage file exists, opens and has its schema (without creating it).</summary>
public sealed class JobStorageDeploymentCheck(IOptions<NexusStorageOptions> storage, IConfiguration configuration) : IDeploymentCheckSource
{
    public async Task<IReadOnlyList<DeploymentCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var file = Path.Combine(storage.Value.ResolveDataFolder(), jobs.DatabaseFile);
        if (!File.Exists(file))
        {
            return [new DeploymentCheck("Job storage", false, $"{jobs.DatabaseFile} does not exist yet in the data folder. Start the web app once (its job server creates it).")];
        }
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 5 }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table';";
            var tables = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return [tables > 0
                ? new DeploymentCheck("Job storage", true, $"{jobs.DatabaseFile} opens ({tables} tables)")
                : new DeploymentCheck("Job storage", false, $"{jobs.DatabaseFile} has no tables. Start the web app once to create the job schema.")];
        }
        catch (SqliteException ex)
        {
            return [new DeploymentCheck("Job storage", false, $"Cannot open {jobs.DatabaseFile}: {ex.Message}")];
        }
    }
}
