using System.Data.Common;
using Nexus.Core.Storage.Records;

namespace Nexus.Core.Storage.Sql;

/// <summary>
/// Writes rows of one EF-mapped table on a given connection and transaction in multi-row statements (one statement per
/// <see cref="RowsPerStatement"/> rows instead of one per row). The page write and the ECB rate import both use it.
/// </summary>
internal static class RowWriter
{
    /// <summary>
    /// Rows per multi-row statement. Small on purpose: Microsoft.Data.Sqlite binds parameters by name, and finding a name
    /// costs a scan of the statement's parameters, so very wide statements lose what fewer executions gain.
    /// </summary>
    public const int RowsPerStatement = 8;

    /// <summary>
    /// With <paramref name="conflict"/> an upsert updating every column but the key and the tenant; without, a plain
    /// insert. The rows must not repeat a key (callers de-duplicate).
    /// </summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, MappedTable table, IReadOnlyList<string>? conflict,
        IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                var command = count == RowsPerStatement ? full ??= Prepared(connection, transaction, dialect, table, conflict, count) : Prepared(connection, transaction, dialect, table, conflict, count);
                try
                {
                    for (var i = 0; i < count; i++) table.Bind(command.Parameters, i * table.Writable.Count, rows[start + i]);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (command != full) await command.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static DbCommand Prepared(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, MappedTable table, IReadOnlyList<string>? conflict, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var columns = table.Writable;
        var rows = Enumerable.Range(0, rowCount).Select(_ => (IReadOnlyList<string>)columns.Select(c => table.AddParameter(command, c, null)).ToList()).ToList();
        var names = columns.Select(table.Column).ToList();
        if (conflict is null)
        {
            command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", names)}) VALUES {string.Join(", ", rows.Select(r => $"({string.Join(", ", r)})"))}";
        }
        else
        {
            var updates = columns.Where(c => c.Name != nameof(StoredRecord.TenantId) && !conflict.Contains(c.Name)).Select(table.Column).ToList();
            command.CommandText = dialect.Upsert(table.Name, names, rows, conflict.Select(table.Column).ToList(), updates);
        }
        command.Prepare();
        return command;
    }
}
