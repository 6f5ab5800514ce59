using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nexus.Benchmarks.Storage;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Products;
using Nexus.Core.Storage;
using Nexus.Core.Storage.Records;
using Nexus.Core.Storage.Sql;

namespace Nexus.Benchmarks.Products;

/// <summary>
/// <c>bench products</c>: the full product analysis (<see cref="ProductSalesQuery"/> + <see cref="ProductAnalysis"/>:
/// every product's backtested method choice, the global model, classes, cover and basket pairs) on a scratch SQLite
/// store of seeded daily order lines (<see cref="SyntheticProductLines"/>), against a plain SQL GROUP BY of the same
/// lines per product and day in the same run: the least any per-product analysis must read.
/// </summary>
public sealed class ProductsBenchmark(TimeProvider time) : IBenchmark
{
    public const int DefaultProducts = 10_000;
    public const int Seed = 16;
    public const int Horizon = 30;

    /// <summary>The issue's aim for the full analysis of the default catalogue.</summary>
    public const double AimSeconds = 60;

    public string Name => "products";

    public string Description =>
        "Full product analysis (load, per-product backtests, global model, classes, baskets) of 10,000 products x 2 years of daily lines (--size sets products), vs a plain SQL GROUP BY of the same lines";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var products = options.Size ?? DefaultProducts;
        var loadBefore = LoadAverage();
        await using var database = await ScratchStoreDatabase.CreateAsync(cancellationToken: cancellationToken);

        options.Progress?.Report($"writing {SyntheticProductLines.Days} days of order lines for {products:N0} products…");
        var insertStarted = time.GetTimestamp();
        var lines = await WriteLinesAsync(database, new SyntheticProductLines(products, Seed), cancellationToken);
        var insertSeconds = time.GetElapsedTime(insertStarted).TotalSeconds;

        var asOf = SyntheticProductLines.LastDay;
        var scope = new AnalyticsScope(database.TenantId, database.StoreId, "EUR", asOf);
        var query = new ProductSalesQuery(database);

        options.Progress?.Report("warming up (page cache, JIT, ML.NET)…");
        var groups = await GroupByAsync(database, cancellationToken);
        var warmSales = await query.LoadAsync(scope, cancellationToken);
        var firstIds = warmSales.Days.Select(d => d.ProductPlatformId).Distinct().Order(StringComparer.Ordinal).Take(50).ToHashSet();
        ProductAnalysis.Analyse(warmSales with { Days = [.. warmSales.Days.Where(d => firstIds.Contains(d.ProductPlatformId))], OrderProducts = [] }, "EUR", asOf, Horizon);
        warmSales = null;

        options.Progress?.Report("baseline: SQL GROUP BY per product and day…");
        var started = time.GetTimestamp();
        var baselineRows = await GroupByAsync(database, cancellationToken);
        var baselineSeconds = time.GetElapsedTime(started).TotalSeconds;

        options.Progress?.Report("full product analysis…");
        started = time.GetTimestamp();
        var sales = await query.LoadAsync(scope, cancellationToken);
        var loadSeconds = time.GetElapsedTime(started).TotalSeconds;
        var analyseStarted = time.GetTimestamp();
        var report = ProductAnalysis.Analyse(sales, "EUR", asOf, Horizon);
        var analyseSeconds = time.GetElapsedTime(analyseStarted).TotalSeconds;
        var fullSeconds = time.GetElapsedTime(started).TotalSeconds;
        var loadAfter = LoadAverage();

        const string baseline = "SQL GROUP BY product, variant, day";
        var figures = new List<BenchmarkFigure>
        {
            new("baseline: " + baseline, baselineSeconds, "s"),
            new("full product analysis", fullSeconds, "s", baselineSeconds, baseline),
            new("  of which: load (day sums + baskets + products)", loadSeconds, "s", baselineSeconds, baseline),
            new("  of which: analyse (pure)", analyseSeconds, "s"),
            new("write order lines", lines / insertSeconds, "lines/s"),
        };
        var forecast = report.Products.Where(p => !p.Forecast.ColdStart).ToList();
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"sanity: {baselineRows:N0} product-days (warm-up saw {groups:N0}), {report.Products.Count:N0} product rows, {forecast.Count:N0} forecast, {report.Products.Count - forecast.Count:N0} cold starts, {report.Pairs.Count:N0} basket rules"),
            "methods chosen: " + string.Join(", ", forecast.GroupBy(p => p.Forecast.Method).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count():N0}")),
            string.Create(CultureInfo.InvariantCulture, $"load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}; {Environment.ProcessorCount} cores"),
            string.Create(CultureInfo.InvariantCulture, $"under {AimSeconds:F0} s aimed for: {(fullSeconds < AimSeconds ? "yes" : "NO")} ({fullSeconds:F1} s)"),
        };
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{products:N0} products, {lines:N0} order lines over {SyntheticProductLines.Days} days to {asOf:yyyy-MM-dd}, horizon {Horizon} (seed {Seed})");
        return new BenchmarkResult(Name, workload, figures, notes);
    }

    /// <summary>
    /// All days in one transaction through the sync's multi-row writer, with the table's indexes dropped while writing
    /// and recreated from their own SQL afterwards (building an index once is far cheaper than growing it line by line;
    /// the analysis then reads exactly the indexes the migrations made).
    /// </summary>
    private static async Task<long> WriteLinesAsync(ScratchStoreDatabase database, SyntheticProductLines generator, CancellationToken cancellationToken)
    {
        await using var db = database.ForTenant();
        var table = MappedTable.For<StoredOrderLine>(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var indexes = await db.Database.SqlQueryRaw<IndexSql>(
            "SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'order_lines' AND sql IS NOT NULL").ToListAsync(cancellationToken);
        foreach (var index in indexes) await ExecuteAsync(connection, null, $"DROP INDEX \"{index.Name}\"", cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dialect = SqlDialects.For(db);
        long written = 0;
        for (var day = 0; day < SyntheticProductLines.Days; day++)
        {
            var lines = generator.Day(day, database.TenantId, database.StoreId);
            await RowWriter.WriteAsync(connection, transaction.GetDbTransaction(), dialect, table, null, lines, cancellationToken);
            written += lines.Count;
        }
        foreach (var index in indexes) await ExecuteAsync(connection, transaction.GetDbTransaction(), index.Sql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ExecuteAsync(connection, null, "ANALYZE", cancellationToken);
        return written;
    }

    private sealed record IndexSql(string Name, string Sql);

    /// <summary>SQL read from the database's own schema (index definitions), not from input.</summary>
    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The baseline: the same per-product-day sums the analysis reads, counted off a plain data reader.</summary>
    private static async Task<long> GroupByAsync(ScratchStoreDatabase database, CancellationToken cancellationToken)
    {
        await using var db = database.ForTenant();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"""
            SELECT ProductPlatformId, VariantPlatformId, OrderCreatedAt / {ProductSalesQuery.StoredUnitsPerDay}, SUM(Quantity), SUM(NetMinor)
            FROM order_lines WHERE StoreId = {database.StoreId}
            GROUP BY ProductPlatformId, VariantPlatformId, OrderCreatedAt / {ProductSalesQuery.StoredUnitsPerDay}
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            _ = reader.GetString(0);
            _ = reader.GetDouble(3);
            rows++;
        }
        return rows;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
