using Nexus.Core.Storage.Sql;

namespace Nexus.Core.Storage.Sqlite;

/// <summary>SQLite's upsert (3.24+): <c>INSERT … VALUES (…), (…) ON CONFLICT (…) DO UPDATE SET c = excluded.c</c>.</summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string> conflictColumns, IReadOnlyList<string> updates) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", rows.Select(values => $"({string.Join(", ", values)})"))} " +
        $"ON CONFLICT ({string.Join(", ", conflictColumns)}) DO UPDATE SET {string.Join(", ", updates.Select(c => $"{c} = excluded.{c}"))}";
}
