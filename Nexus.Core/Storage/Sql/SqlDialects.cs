using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage.PostgreSql;
using Nexus.Core.Storage.Sqlite;

namespace Nexus.Core.Storage.Sql;

/// <summary>The dialect of the provider a context runs on.</summary>
internal static class SqlDialects
{
    public static ISqlDialect For(DbContext db) => db.Database.ProviderName switch
    {
        SqliteStorage.ProviderName => SqliteDialect.Instance,
        PostgreSqlStorage.ProviderName => PostgreSqlDialect.Instance,
        var other => throw new NotSupportedException($"Nexus has no SQL dialect for the database provider '{other}'."),
    };
}
