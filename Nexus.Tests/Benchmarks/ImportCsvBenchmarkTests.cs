using Nexus.Benchmarks;
using Nexus.Benchmarks.Csv;

namespace Nexus.Tests.Benchmarks;

public class ImportCsvBenchmarkTests
{
    [Fact]
    public async Task A_small_run_imports_every_generated_order_and_reports_the_import_against_the_raw_parse()
    {
        // The benchmark itself throws when the import stores a different number of orders than the file holds.
        var result = await new ImportCsvBenchmark().RunAsync(new BenchmarkOptions(Size: 2_000), CancellationToken.None);

        Assert.Equal("import-csv", result.Name);
        Assert.Contains("2,000 rows", result.Workload);
        var raw = result.Figures.Single(f => f.Name == "CsvHelper raw parse: rows/s");
        var import = result.Figures.Single(f => f.Name == "import into a CSV store: rows/s");
        Assert.Equal(raw.Value, import.Baseline);
        Assert.True(import.Value > 0);
        Assert.True(result.Figures.Single(f => f.Name == "import: peak working set").Value > 0);
    }
}
