using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Csv;
using Sylvan.Data.Csv;

namespace Nexus.Benchmarks.Csv;

/// <summary>
/// <c>bench csv-parse</c>: the measurement behind the CSV library choice. The same generated Shopify-layout orders
/// file (1,000,000 rows by default) is parsed by Sylvan.Data.Csv and by CsvHelper, every field materialised as a
/// string, then by Nexus's own reader (CsvHelper plus line numbers, byte positions, checks) and by the orders page
/// source (reader + Shopify recognition + grouping into canonical orders): rows/s, bytes allocated, peak working set.
/// </summary>
public sealed class CsvParseBenchmark : IBenchmark
{
    public const int DefaultRows = 1_000_000;
    private const int Seed = 42;
    private const int BufferChars = 64 * 1024;
    private const int SampleEveryRows = 16_384;

    public string Name => "csv-parse";

    public string Description =>
        "1M-row Shopify orders CSV: CsvHelper vs Sylvan.Data.Csv raw parse (rows/s, allocations, peak working set), then Nexus's reader and orders page source vs the raw parse (--size sets rows)";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = options.Size ?? DefaultRows;
        var path = Path.Combine(Path.GetTempPath(), $"nexus-bench-orders-{Environment.ProcessId}.csv");
        var warmPath = path + ".warm";
        try
        {
            options.Progress?.Report($"writing {rows:N0} Shopify-layout order rows to {path} (seed {Seed})…");
            int orders;
            await using (var file = File.Create(path))
                orders = ShopifyOrdersCsvGenerator.Write(file, rows, Seed);
            await using (var file = File.Create(warmPath))
                ShopifyOrdersCsvGenerator.Write(file, Math.Min(rows, 5_000), Seed);

            var runs = new (string Name, Func<string, CancellationToken, Task<long>> Parse)[]
            {
                ("CsvHelper 34.0.0", (p, _) => Task.FromResult(ParseWithCsvHelper(p))),
                ("Sylvan.Data.Csv 1.4.4", (p, _) => Task.FromResult(ParseWithSylvan(p))),
                ("Nexus CsvFileReader (CsvHelper)", ReadWithNexusAsync),
                ("Nexus orders page source", PageOrdersAsync),
            };
            options.Progress?.Report("warm-up (JIT) on 5,000 rows…");
            foreach (var run in runs)
                await run.Parse(warmPath, cancellationToken);

            var best = new Measurement?[runs.Length];
            for (var round = 1; round <= 2; round++)
            {
                for (var i = 0; i < runs.Length; i++)
                {
                    options.Progress?.Report($"round {round}: {runs[i].Name}…");
                    var m = await MeasureAsync(() => runs[i].Parse(path, cancellationToken));
                    if (m.Rows != (i == 3 ? orders : rows))
                        throw new InvalidOperationException($"{runs[i].Name} read {m.Rows:N0} records, expected {(i == 3 ? orders : rows):N0}.");
                    if (best[i] is not { } b || m.Seconds < b.Seconds)
                        best[i] = m;
                }
            }

            return Describe(rows, orders, new FileInfo(path).Length, runs.Select(r => r.Name).ToList(), best.Select(b => b!.Value).ToList());
        }
        finally
        {
            File.Delete(path);
            File.Delete(warmPath);
        }
    }

    private BenchmarkResult Describe(int rows, int orders, long bytes, IReadOnlyList<string> names, IReadOnlyList<Measurement> m)
    {
        const string chosen = "CsvHelper raw parse (the chosen library)";
        var figures = new List<BenchmarkFigure>
        {
            new($"{names[0]}: rows/s", rows / m[0].Seconds, "rows/s"),
            new($"{names[1]}: rows/s", rows / m[1].Seconds, "rows/s", rows / m[0].Seconds, chosen),
            new($"{names[2]}: rows/s", rows / m[2].Seconds, "rows/s", rows / m[0].Seconds, chosen),
            new($"{names[3]}: rows/s", rows / m[3].Seconds, "rows/s", rows / m[0].Seconds, chosen),
        };
        for (var i = 0; i < m.Count; i++)
            figures.Add(new BenchmarkFigure($"{names[i]}: allocated", m[i].AllocatedBytes / 1e6, "MB", i == 0 ? null : m[0].AllocatedBytes / 1e6, i == 0 ? null : chosen));
        for (var i = 0; i < m.Count; i++)
            figures.Add(new BenchmarkFigure($"{names[i]}: peak working set", m[i].PeakWorkingSetBytes / 1e6, "MB"));
        var notes = new List<string>
        {
            "raw parses read every field of every row as a string (Sylvan through a 64 KB StreamReader, CsvHelper from the file stream with a 64 KB buffer and line tracking on, as an importer needs); best of 2 interleaved rounds after a 5,000-row warm-up",
            "peak working set is the whole process, sampled every 16,384 rows after a full GC before each run (the file itself is never in memory)",
            string.Create(CultureInfo.InvariantCulture, $"page source target: ≥ 30 % of the raw parse ({(m[3].Seconds <= m[0].Seconds / 0.3 ? "met" : "NOT met")}: {m[0].Seconds / m[3].Seconds:P0}); peak working set < 400 MB ({(m[3].PeakWorkingSetBytes < 400e6 ? "met" : "NOT met")})"),
        };
        var workload = string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows ({orders:N0} orders, 79 columns), {bytes / 1e6:N1} MB UTF-8 with BOM, CRLF (seed {Seed})");
        return new BenchmarkResult(Name, workload, figures, notes);
    }

    private readonly record struct Measurement(long Rows, double Seconds, long AllocatedBytes, long PeakWorkingSetBytes);

    private static async Task<Measurement> MeasureAsync(Func<Task<long>> parse)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        PeakSampler.Reset();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var rows = await parse();
        var seconds = clock.Elapsed.TotalSeconds;
        PeakSampler.Sample();
        return new Measurement(rows, seconds, GC.GetTotalAllocatedBytes(precise: true) - allocated, PeakSampler.Peak);
    }

    private static long ParseWithSylvan(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8, true, BufferChars);
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', Comment = '\0', BufferSize = BufferChars });
        long rows = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.RowFieldCount; i++)
                _ = csv.GetString(i);
            if (++rows % SampleEveryRows == 0)
                PeakSampler.Sample();
        }

        return rows;
    }

    internal static long ParseWithCsvHelper(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        using var csv = CsvReader.Create(file, new CsvReaderOptions { Separator = ',', BufferSize = BufferChars, TrackLineNumbers = true }, leaveOpen: false);
        long rows = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
                _ = csv.GetString(i);
            if (++rows % SampleEveryRows == 0)
                PeakSampler.Sample();
        }

        return rows;
    }

    private static async Task<long> ReadWithNexusAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var reader = await CsvFileReader.OpenAsync(file, cancellationToken: cancellationToken);
        long rows = 0;
        await foreach (var row in reader.ReadRowsAsync(cancellationToken))
        {
            if (!row.IsReadable)
                throw new InvalidOperationException($"Line {row.LineNumber}: {row.Problem!.Message}");
            if (++rows % SampleEveryRows == 0)
                PeakSampler.Sample();
        }

        return rows;
    }

    private static async Task<long> PageOrdersAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        long records = 0;
        var pages = 0;
        await using var source = await CsvPageSource<Order>.OpenAsync(file, CsvRecordMappers.Orders(), cancellationToken: cancellationToken);
        await foreach (var page in source.ReadPagesAsync(cancellationToken))
        {
            if (page.Quarantined.Count > 0)
                throw new InvalidOperationException($"Line {page.Quarantined[0].LineNumber}: {page.Quarantined[0].Issues[0].Message}");
            records += page.Records.Count;
            if (++pages % 32 == 0)
                PeakSampler.Sample();
        }

        return records;
    }

    /// <summary>Highest working set seen since the last reset; reading /proc is too slow to do per row.</summary>
    private static class PeakSampler
    {
        public static long Peak { get; private set; }

        public static void Reset() => Peak = 0;

        public static void Sample()
        {
            using var process = Process.GetCurrentProcess();
            Peak = Math.Max(Peak, process.WorkingSet64);
        }
    }
}
