using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Nexus.Core.Storage.PostgreSql;

/// <summary>
/// Everything PostgreSQL-specific about Nexus's storage: the provider, where its migrations live (the
/// Nexus.Storage.PostgreSql project: EF keeps one migrations assembly per provider) and the readiness probe.
/// </summary>
internal static class PostgreSqlStorage
{
    public const string ProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public const string MigrationsAssembly = "Nexus.Storage.PostgreSql";

    public static void Configure(DbContextOptionsBuilder options, NexusStorageOptions storage) =>
        options.UseNpgsql(storage.ResolveConnectionString(), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    /// <summary>Connects (without creating the database) and reads the migrations table, waiting at most two seconds.</summary>
    public static async Task<DatabaseProbeResult> ProbeAsync(NexusStorageOptions storage, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(storage.ResolveConnectionString()) { Timeout = 2, CommandTimeout = 2 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\";";
            var migrations = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return migrations > 0 ? DatabaseProbeResult.Connected : new(false, "The database has no schema yet.");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return new(false, "The database does not exist on the server. Start the app once to create it, or check the connection string setting.");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return new(false, "The database has no schema yet.");
        }
        catch (PostgresException)
        {
            return new(false, "The database server refused the connection or the query.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return new(false, "The database server cannot be reached.");
        }
    }
}
