using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Currency;
using Nexus.Core.Model;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;

namespace Nexus.Benchmarks.Analytics;

/// <summary>
/// <c>bench overview</c>: the Overview KPI query (current + previous period, status funnel, revenue series) and the
/// 12-month cohort query on a temporary SQLite database filled with seeded orders through the real
/// <see cref="RecordUpserter"/>, against <c>SELECT COUNT(*) FROM orders</c> on the same table in the same run
/// (the cheapest full look at the table SQLite can do).
/// </summary>
public sealed class OverviewBenchmark(TimeProvider time) : IBenchmark
{
    public const int DefaultOrders = 200_000;
    public const int Seed = 42;
    private const int Repeats = 3;

    /// <summary>Orders span two years ending here (those after the shipped ECB file's last day, 2026-04-13, convert with its last rate and count as stale), so "last 30/365 days" hold a realistic share of them.</summary>
    private static readonly DateTimeOffset End = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);

    public string Name => "overview";

    public string Description =>
        "Overview KPIs (30 and 365 days) and 12-month cohorts on a temp SQLite store of seeded orders (200k; --size sets orders), vs SELECT COUNT(*) on the same table";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var count = options.Size ?? DefaultOrders;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 100, nameof(options.Size));
        var folder = Path.Combine(Path.GetTempPath(), "nexus-bench-overview", Guid.NewGuid().ToString("N"));
        try
        {
            var builder = new DbContextOptionsBuilder<NexusDbContext>();
            StorageServiceCollectionExtensions.Configure(builder, new NexusStorageOptions { DataFolder = folder });
            var factory = new PooledDbContextFactory<NexusDbContext>(builder.Options);
            await new DatabaseInitializer(factory, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(cancellationToken);
            var (tenantId, storeId) = await CreateStoreAsync(factory, cancellationToken);

            options.Progress?.Report($"inserting {count:N0} seeded orders through RecordUpserter…");
            var upserter = new RecordUpserter(factory);
            var random = new Random(Seed);
            var insertStarted = time.GetTimestamp();
            for (var done = 0; done < count; done += 5_000)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = Enumerable.Range(done, Math.Min(5_000, count - done)).Select(i => NewOrder(i, count, random)).ToList();
                await upserter.UpsertOrdersAsync(tenantId, storeId, batch, cancellationToken);
            }
            var insertSeconds = time.GetElapsedTime(insertStarted).TotalSeconds;

            var scope = new AnalyticsScope(tenantId, storeId, "EUR");
            var overview = new OverviewQuery(factory);
            var cohorts = new CohortQuery(factory);
            var lastDay = DateOnly.FromDateTime(End.AddDays(-1).UtcDateTime);
            options.Progress?.Report("warming up…");
            await CountAsync(factory, cancellationToken);
            var check = await overview.RunAsync(scope, ReportingPeriod.EndingOn(lastDay, 30), cancellationToken: cancellationToken);

            options.Progress?.Report($"timing (median of {Repeats})…");
            var baseline = await MedianAsync(() => CountAsync(factory, cancellationToken));
            var month = await MedianAsync(() => overview.RunAsync(scope, ReportingPeriod.EndingOn(lastDay, 30), cancellationToken: cancellationToken));
            var year = await MedianAsync(() => overview.RunAsync(scope, ReportingPeriod.EndingOn(lastDay, 365), cancellationToken: cancellationToken));
            var cohort = await MedianAsync(() => cohorts.RunAsync(scope, lastDay, 12, cancellationToken));

            // All stores converted (what the Overview shows for "All stores"): the same orders, summed per currency and
            // day and joined to the ECB rates in SQL, into USD so every day really is converted.
            options.Progress?.Report("loading the shipped ECB rates…");
            await new FxRateStore(factory, time, NullLogger<FxRateStore>.Instance).EnsureShippedRatesAsync(cancellationToken);
            var converted = new AnalyticsScope(tenantId, null, "USD", Converted: true);
            var convertedCheck = await overview.RunAsync(converted, ReportingPeriod.EndingOn(lastDay, 30), cancellationToken: cancellationToken);
            var convertedMonth = await MedianAsync(() => overview.RunAsync(converted, ReportingPeriod.EndingOn(lastDay, 30), cancellationToken: cancellationToken));
            var convertedYear = await MedianAsync(() => overview.RunAsync(converted, ReportingPeriod.EndingOn(lastDay, 365), cancellationToken: cancellationToken));

            const string baselineName = "SELECT COUNT(*) FROM orders";
            var figures = new List<BenchmarkFigure>
            {
                new("baseline: " + baselineName, baseline, "s"),
                new("Overview KPIs, last 30 days (+ previous 30, funnel, 30 daily buckets)", month, "s", baseline, baselineName),
                new("Overview KPIs, last 365 days (+ previous 365, funnel, 12 monthly buckets)", year, "s", baseline, baselineName),
                new("Overview KPIs, last 30 days, All stores converted into USD", convertedMonth, "s", month, "the same, unconverted"),
                new("Overview KPIs, last 365 days, All stores converted into USD", convertedYear, "s", year, "the same, unconverted"),
                new("Cohorts, 12 months", cohort, "s", baseline, baselineName),
                new("insert through RecordUpserter", count / insertSeconds, "orders/s"),
            };
            var notes = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"sanity: last 30 days = {check.Current.Orders:N0} revenue orders, {check.Current.Customers:N0} customers, revenue {check.Current.Revenue:N2} EUR"),
                string.Create(CultureInfo.InvariantCulture,
                    $"sanity: last 30 days converted = {convertedCheck.Current.Orders:N0} revenue orders, revenue {convertedCheck.Current.Revenue:N2} USD, {convertedCheck.Conversion?.StaleOrders ?? 0:N0} stale"),
                "Median of 3 runs each, warm SQLite page cache for baseline and queries alike.",
            };
            var workload = string.Create(CultureInfo.InvariantCulture,
                $"{count:N0} orders, ~{count / 8:N0} customers (20 % guests), 2 years to {End:yyyy-MM-dd}, one store, seed {Seed}");
            return new BenchmarkResult(Name, workload, figures, notes);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the OS cleans the temp folder; a locked WAL file must not fail the benchmark */ }
        }
    }

    private async Task<double> MedianAsync<T>(Func<Task<T>> work)
    {
        var seconds = new double[Repeats];
        for (var i = 0; i < Repeats; i++)
        {
            var started = time.GetTimestamp();
            await work();
            seconds[i] = time.GetElapsedTime(started).TotalSeconds;
        }
        Array.Sort(seconds);
        return seconds[Repeats / 2];
    }

    private static async Task<long> CountAsync(IDbContextFactory<NexusDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM orders";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(Guid Tenant, int Store)> CreateStoreAsync(IDbContextFactory<NexusDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var tenant = new Tenant { Id = Guid.NewGuid(), Name = "bench" };
        db.Tenants.Add(tenant);
        var store = new ConnectedStore { TenantId = tenant.Id, Name = "bench", Platform = "woocommerce", BaseUrl = "http://127.0.0.1" };
        db.Stores.Add(store);
        await db.SaveChangesAsync(cancellationToken);
        return (tenant.Id, store.Id);
    }

    /// <summary>
    /// A plausible order: about 8 orders per customer on average, 20 % guests (by e-mail), mostly completed,
    /// some processing/on-hold/pending/cancelled/refunded, 4 % partially refunded.
    /// </summary>
    private static Order NewOrder(int index, int total, Random random)
    {
        var customers = Math.Max(1, total / 8);
        var customer = random.Next(customers);
        var guest = customer % 5 == 0;
        var roll = random.NextDouble();
        var status = roll < 0.78 ? OrderStatus.Completed : roll < 0.86 ? OrderStatus.Processing : roll < 0.89 ? OrderStatus.OnHold
            : roll < 0.93 ? OrderStatus.Pending : roll < 0.97 ? OrderStatus.Cancelled : OrderStatus.Refunded;
        var amount = Math.Round((decimal)(10 + random.NextDouble() * 190), 2);
        var refunded = status == OrderStatus.Refunded ? amount : random.NextDouble() < 0.04 ? Math.Round(amount / 3, 2) : 0m;
        var created = End.AddSeconds(-random.NextDouble() * 730 * 86_400);
        var money = (decimal m) => new Money(m, "EUR");
        return new Order
        {
            PlatformId = index.ToString(CultureInfo.InvariantCulture),
            Number = index.ToString(CultureInfo.InvariantCulture),
            CustomerPlatformId = guest ? null : "c" + customer.ToString(CultureInfo.InvariantCulture),
            BillingEmail = $"customer{customer}@example.test",
            Currency = "EUR",
            Status = status,
            RawStatus = status.ToString().ToLowerInvariant(),
            Subtotal = money(amount), DiscountTotal = money(0), DiscountTax = money(0), ShippingTotal = money(0), ShippingTax = money(0), TaxTotal = money(0),
            Total = money(amount),
            CreatedAt = created,
            Refunds = refunded == 0 ? [] : [new Refund { PlatformId = "r" + index.ToString(CultureInfo.InvariantCulture), Amount = money(refunded) }],
        };
    }
}
