using Nexus.Core.Storage.Sql;

namespace Nexus.Core.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's upsert: <c>INSERT … VALUES (…), (…) ON CONFLICT (…) DO UPDATE SET c = EXCLUDED.c</c>. The conflict
/// columns must be exactly a unique index of the model (PostgreSQL infers the arbiter index from them).
/// </summary>
internal sealed class PostgreSqlDialect : ISqlDialect
{
    public static PostgreSqlDialect Instance { get; } = new();

    public string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string> conflictColumns, IReadOnlyList<string> updates) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", rows.Select(values => $"({string.Join(", ", values)})"))} " +
        $"ON CONFLICT ({string.Join(", ", conflictColumns)}) DO UPDATE SET {string.Join(", ", updates.Select(c => $"{c} = EXCLUDED.{c}"))}";
}
