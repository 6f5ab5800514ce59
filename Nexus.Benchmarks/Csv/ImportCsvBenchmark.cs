using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Import;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Core.Tenancy;
using Nexus.Benchmarks.Sync;

namespace Nexus.Benchmarks.Csv;

/// <summary>
/// <c>bench import-csv</c>: a generated Shopify-layout orders file imported into a CSV store end to end (upload to the
/// store's folder, sync engine, quality gate, SQLite page writes) against CsvHelper's raw parse of the same file in the
/// same run, plus the process's peak working set during the import. Own services and a temp database, deleted after.
/// </summary>
public sealed class ImportCsvBenchmark : IBenchmark
{
    public const int DefaultRows = 1_000_000;
    private const int Seed = 42;

    public string Name => "import-csv";

    public string Description => "Shopify orders CSV imported into a CSV store end to end vs CsvHelper's raw parse of the same file (rows/s, peak working set; --size sets rows, default 1M)";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = options.Size ?? DefaultRows;
        var folder = Path.Combine(Path.GetTempPath(), "nexus-bench-import", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "orders_export.csv");
        try
        {
            options.Progress?.Report($"writing {rows:N0} Shopify-layout order rows (seed {Seed})…");
            int orders;
            await using (var file = File.Create(path))
                orders = ShopifyOrdersCsvGenerator.Write(file, rows, Seed);

            options.Progress?.Report("raw parse (CsvHelper)…");
            var parse = Stopwatch.StartNew();
            var parsed = CsvParseBenchmark.ParseWithCsvHelper(path);
            var parseSeconds = parse.Elapsed.TotalSeconds;
            if (parsed != rows) throw new InvalidOperationException($"The raw parse read {parsed:N0} rows, expected {rows:N0}.");

            await using var services = Services(folder);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            var tenant = Guid.NewGuid();
            await using (var db = await services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<NexusDbContext>>().CreateDbContextAsync(cancellationToken))
            {
                db.Tenants.Add(new Tenant { Id = tenant, Name = "bench", CreatedAt = DateTimeOffset.UnixEpoch });
                await db.SaveChangesAsync(cancellationToken);
            }
            var store = await services.GetRequiredService<StoreService>().AddAsync(tenant,
                new NewStore("bench", CsvPlatform.Id, "", new StoreCredentials(new Dictionary<string, string>()), WithoutAddress: true), cancellationToken);

            options.Progress?.Report($"importing {orders:N0} orders…");
            GC.Collect();
            var sampler = new PeakSampler();
            var import = Stopwatch.StartNew();
            CsvUpload upload;
            await using (var file = File.OpenRead(path))
                upload = await services.GetRequiredService<CsvUploadStore>().SaveAsync(tenant, store.Id, CsvImportEntity.Orders, "orders_export.csv", file, cancellationToken);
            var result = await services.GetRequiredService<CsvImporter>().ImportAsync(tenant, store.Id, upload.Id, sink: sampler, cancellationToken: cancellationToken);
            var importSeconds = import.Elapsed.TotalSeconds;
            sampler.Sample();
            if (!result.Succeeded || result.Counts.Stored != orders)
                throw new InvalidOperationException($"The import stored {result.Counts.Stored:N0} of {orders:N0} orders: {result.Run.Error}");

            var figures = new List<BenchmarkFigure>
            {
                new("CsvHelper raw parse: rows/s", rows / parseSeconds, "rows/s"),
                new("import into a CSV store: rows/s", rows / importSeconds, "rows/s", rows / parseSeconds, "CsvHelper raw parse"),
                new("import: orders/s", orders / importSeconds, "orders/s"),
                new("import: peak working set", sampler.Peak / 1e6, "MB"),
            };
            var notes = new List<string>
            {
                "import = upload copy to the store's folder + sync engine run (CsvPageSource pages of 500, quality gate, one SQLite transaction per page); single run, not interleaved",
                string.Create(CultureInfo.InvariantCulture, $"target ≥ 30 % of the raw parse: {(importSeconds <= parseSeconds / 0.3 ? "met" : "NOT met")} ({parseSeconds / importSeconds:P0}); peak working set < 400 MB: {(sampler.Peak < 400e6 ? "met" : "NOT met")}"),
            };
            var workload = string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows ({orders:N0} orders), {new FileInfo(path).Length / 1e6:N1} MB (seed {Seed})");
            return new BenchmarkResult(Name, workload, figures, notes);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider Services(string folder) => BenchSyncServices.Build(new()
    {
        [$"{NexusStorageOptions.Section}:DataFolder"] = folder,
        // The 1M-row file is about 320 MB, past the merchant-facing default of 200 MB.
        [$"{CsvImportOptions.Section}:{nameof(CsvImportOptions.MaxUploadBytes)}"] = (4L * 1024 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>Samples the process's working set at every progress report (once per page).</summary>
    private sealed class PeakSampler : ISyncProgressSink
    {
        public long Peak { get; private set; }

        public void Sample()
        {
            using var process = Process.GetCurrentProcess();
            Peak = Math.Max(Peak, process.WorkingSet64);
        }

        public ValueTask ReportAsync(SyncProgress progress, CancellationToken cancellationToken)
        {
            Sample();
            return ValueTask.CompletedTask;
        }
    }
}
