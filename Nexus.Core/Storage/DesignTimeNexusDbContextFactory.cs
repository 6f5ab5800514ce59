using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nexus.Core.Storage;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without starting the web host. SQLite by default; arguments after
/// <c>--</c> choose PostgreSQL, whose migrations live in the Nexus.Storage.PostgreSql project:
/// <c>dotnet ef migrations add Name --project Nexus.Storage.PostgreSql --startup-project Nexus.Web -- --provider PostgreSql</c>.
/// No connection is opened for <c>migrations add</c> or <c>has-pending-model-changes</c>.
/// </summary>
internal sealed class DesignTimeNexusDbContextFactory : IDesignTimeDbContextFactory<NexusDbContext>
{
    public NexusDbContext CreateDbContext(string[] args)
    {
        var storage = new NexusStorageOptions { DataFolder = Path.Combine(Path.GetTempPath(), "nexus-design") };
        var provider = Array.IndexOf(args, "--provider") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (provider is not null)
        {
            storage.Database.Provider = Enum.Parse<DatabaseProvider>(provider, ignoreCase: true);
            if (storage.Provider == DatabaseProvider.PostgreSql) storage.ConnectionString = "Host=localhost;Database=nexus_design";
        }
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, storage);
        return new NexusDbContext(options.Options);
    }
}
