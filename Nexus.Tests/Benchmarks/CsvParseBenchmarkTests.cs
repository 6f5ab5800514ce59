using Nexus.Benchmarks;
using Nexus.Benchmarks.Csv;
using Nexus.Core.Platforms.Csv;

namespace Nexus.Tests.Benchmarks;

public class CsvParseBenchmarkTests
{
    [Fact]
    public async Task The_generated_orders_file_is_a_shopify_orders_export_with_the_requested_rows()
    {
        var file = new MemoryStream();
        var orders = ShopifyOrdersCsvGenerator.Write(file, 1_000, seed: 42);
        file.Position = 0;

        await using var reader = await CsvFileReader.OpenAsync(file);
        var rows = 0;
        await foreach (var row in reader.ReadRowsAsync())
        {
            Assert.True(row.IsReadable, row.Problem?.Message);
            rows++;
        }

        Assert.Equal(CsvLayout.ShopifyOrders, CsvLayoutRecognizer.Recognize(reader.Header));
        Assert.Equal(79, reader.Header.Count);
        Assert.Equal(1_000, rows);
        Assert.InRange(orders, 250, 700);
    }

    [Fact]
    public async Task A_small_run_reports_every_path_against_the_chosen_library()
    {
        var result = await new CsvParseBenchmark().RunAsync(new BenchmarkOptions(Size: 2_000), CancellationToken.None);

        Assert.Equal("csv-parse", result.Name);
        Assert.Contains("2,000 rows", result.Workload);
        var speeds = result.Figures.Where(f => f.Unit == "rows/s").ToList();
        Assert.Equal(4, speeds.Count);
        Assert.All(speeds, f => Assert.True(f.Value > 0));
        Assert.All(speeds.Skip(1), f => Assert.Equal(speeds[0].Value, f.Baseline));
        Assert.Equal(4, result.Figures.Count(f => f.Name.EndsWith("peak working set", StringComparison.Ordinal)));
    }
}
