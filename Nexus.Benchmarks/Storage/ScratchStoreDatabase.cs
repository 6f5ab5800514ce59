using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;
using Nexus.Core.Storage;
using Npgsql;

namespace Nexus.Benchmarks.Storage;

/// <summary>
/// A migrated database with one tenant and one store (with encrypted credentials), deleted on dispose. Benchmarks and
/// tests both start from it, so every leg and every test begins from an empty store. On SQLite it is a file in a temp
/// folder; on PostgreSQL a new database on the server that <see cref="PostgresServerVariable"/> names.
/// </summary>
public sealed class ScratchStoreDatabase : IDbContextFactory<NexusDbContext>, IAsyncDisposable
{
    /// <summary>The environment variable with the Npgsql connection string of a server to create scratch databases on (test.sh sets it).</summary>
    public const string PostgresServerVariable = "NEXUS_TEST_POSTGRES";

    private readonly DbContextOptions<NexusDbContext> _options;
    private readonly NexusStorageOptions _storage;

    private ScratchStoreDatabase(DatabaseProvider provider)
    {
        _storage = new NexusStorageOptions { DataFolder = Folder, Database = { Provider = provider } };
        if (provider == DatabaseProvider.PostgreSql)
        {
            _storage.ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = $"nexus_scratch_{Guid.NewGuid():N}" }.ToString();
        }
        var builder = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, _storage);
        _options = builder.Options;
        Protector = new StoreCredentialProtector(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(Folder, "keys"))));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "nexus-scratch", Guid.NewGuid().ToString("N"));

    public Guid TenantId { get; } = Guid.NewGuid();
    public int StoreId { get; private set; }
    public StoreCredentialProtector Protector { get; }

    public DatabaseProvider Provider => _storage.Provider;

    /// <summary>The storage settings that reach this database (for code that takes <see cref="NexusStorageOptions"/>).</summary>
    public NexusStorageOptions Storage => _storage;

    public static async Task<ScratchStoreDatabase> CreateAsync(string platform = "woocommerce", DatabaseProvider provider = DatabaseProvider.Sqlite, CancellationToken cancellationToken = default)
    {
        var database = new ScratchStoreDatabase(provider);
        // Migrating creates the database: the SQLite file, or the PostgreSQL database on the server.
        await new DatabaseInitializer(database, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(cancellationToken);
        await using var db = database.CreateDbContext();
        db.Tenants.Add(new Tenant { Id = database.TenantId, Name = "bench" });
        var store = new ConnectedStore
        {
            TenantId = database.TenantId, Name = "bench", Platform = platform, BaseUrl = "http://127.0.0.1",
            ProtectedCredentials = database.Protector.Protect(new StoreCredentials("k", "s")),
        };
        db.Stores.Add(store);
        await db.SaveChangesAsync(cancellationToken);
        database.StoreId = store.Id;
        return database;
    }

    public NexusDbContext CreateDbContext() => new(_options);

    /// <summary>A context that sees this database's tenant.</summary>
    public NexusDbContext ForTenant() => new(_options) { TenantId = TenantId };

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            var scratch = new NpgsqlConnectionStringBuilder(_storage.ConnectionString);
            await using (var connection = new NpgsqlConnection(scratch.ConnectionString)) NpgsqlConnection.ClearPool(connection);
            await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(scratch.ConnectionString) { Database = "postgres", Pooling = false }.ToString());
            await server.OpenAsync();
            await using var drop = server.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{scratch.Database}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    private static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{PostgresServerVariable} is not set: the PostgreSQL legs of the storage tests need a server to create scratch databases on. " +
                "Run ./test.sh (it starts a throw-away cluster), or set it to an Npgsql connection string such as Host=127.0.0.1;Port=55432;Username=postgres.");
}
