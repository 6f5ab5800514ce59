namespace Nexus.Core.Storage.Sql;

/// <summary>
/// The SQL that differs between database engines, kept behind one seam so a PostgreSQL provider adds one class
/// (<c>Storage/Sqlite/</c> and <c>Storage/PostgreSql/</c> hold one each). Identifiers and parameters are already quoted by the caller.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>
    /// A multi-row insert (one value list per row) that updates <paramref name="updates"/> when a row with the same
    /// <paramref name="conflictColumns"/> exists. The rows of one statement never share a key (callers de-duplicate).
    /// </summary>
    string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string> conflictColumns, IReadOnlyList<string> updates);
}
