using System.Globalization;
using System.Text.Json;
using Nexus.Core.Analytics;
using Nexus.Tests.Analytics.Lifetime;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

[Collection(HostCollection.Name)]
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _cdnowCsv;

    public AnalyzeCommandTests()
    {
        // The CDNOW fixture converted to the plain CSV the verb reads (see Fixtures/datasets/cdnow/SOURCES.md).
        _cdnowCsv = _folder.File("cdnow.csv");
        CliRun.WriteTransactionsCsv(_cdnowCsv, CdnowSample.Transactions);
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertWithinOnePercent(double published, JsonElement actual) =>
        Assert.True(Math.Abs(actual.GetDouble() - published) <= 0.01 * published, $"expected {published} ± 1 %, got {actual.GetDouble()}");

    [Fact]
    public async Task Clv_json_reproduces_the_published_CDNOW_parameters_and_lists_every_customer()
    {
        var result = await CliRun.RunAsync("analyze", "clv", "--transactions", _cdnowCsv, "--calibration-end", "1997-09-30", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var bgNbd = json.GetProperty("bgNbd");
        // Fader, Hardie & Lee (2005) as reported by lifetimes (SOURCES.md): r, α, a, b.
        AssertWithinOnePercent(0.242593, bgNbd.GetProperty("r"));
        AssertWithinOnePercent(4.413532, bgNbd.GetProperty("alpha"));
        AssertWithinOnePercent(0.792886, bgNbd.GetProperty("a"));
        AssertWithinOnePercent(2.425752, bgNbd.GetProperty("b"));
        var gammaGamma = json.GetProperty("gammaGamma");
        AssertWithinOnePercent(6.25, gammaGamma.GetProperty("p"));
        AssertWithinOnePercent(3.74, gammaGamma.GetProperty("q"));
        AssertWithinOnePercent(15.44, gammaGamma.GetProperty("gamma"));
        Assert.Equal(2357, json.GetProperty("customerCount").GetInt32());
        Assert.Equal(946, json.GetProperty("gammaGammaCustomerCount").GetInt32());

        var customers = json.GetProperty("customers").EnumerateArray().ToList();
        Assert.Equal(2357, customers.Count);
        var clv = customers.Select(c => c.GetProperty("clv").GetDecimal()).ToList();
        Assert.Equal(clv.OrderDescending(), clv);
        Assert.All(customers, c => Assert.InRange(c.GetProperty("probabilityAlive").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task Clv_human_output_shows_the_parameters_and_only_the_top_rows()
    {
        var result = await CliRun.RunAsync("analyze", "clv", "--transactions", _cdnowCsv, "--calibration-end", "1997-09-30", "--top", "3");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("r = 0.24", result.Out);
        Assert.Contains("Top 3 of 2,357 customers by CLV", result.Out);
        var tableRows = result.Out.Split('\n').SkipWhile(l => !l.StartsWith("customer ", StringComparison.Ordinal)).Skip(1)
            .Count(l => l.Trim().Length > 0);
        Assert.Equal(3, tableRows);
    }

    [Fact]
    public async Task Missing_file_fails_naming_the_file_and_prints_nothing_on_stdout()
    {
        var missing = _folder.File("no-such-file.csv");
        var result = await CliRun.RunAsync("analyze", "clv", "--transactions", missing, "--calibration-end", "1997-09-30", "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(missing, result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Malformed_row_fails_with_its_line_number()
    {
        var path = _folder.File("bad.csv");
        File.WriteAllLines(path, ["customer_id,date,amount", "a,2024-01-01,10.00", "a,01/02/2024,12.00", "b,2024-01-03,5.00"]);

        var result = await CliRun.RunAsync("analyze", "rfm", "--transactions", path, "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("line 3", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Data_without_repeat_buyers_is_refused_instead_of_fitted()
    {
        var path = _folder.File("one-timers.csv");
        CliRun.WriteTransactionsCsv(path, Enumerable.Range(1, 50).Select(i =>
            new Transaction($"c{i}", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i), 10m + i)));

        var result = await CliRun.RunAsync("analyze", "clv", "--transactions", path, "--calibration-end", "2024-06-30", "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("none of the 50 customers made a repeat purchase", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Store_runs_rfm_on_the_stored_orders_found_by_id_across_tenants()
    {
        await using var database = await Analytics.Metrics.MetricsTestData.CreateAsync();
        var result = await CliRun.InFolderAsync(database.Folder, "analyze", "rfm", "--store", database.StoreId.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        // EUR (8 revenue orders) is chosen over USD (1); customers c1, c5, c7 and the guest ana@x.com.
        Assert.Equal(4, json.GetProperty("customerCount").GetInt32());
        Assert.Equal(320m, json.GetProperty("revenue").GetDecimal());
        Assert.Contains("also sells in USD", result.Error);

        var missing = await CliRun.InFolderAsync(database.Folder, "analyze", "rfm", "--store", "999999");
        Assert.Equal((1, ""), (missing.ExitCode, missing.Out));
        Assert.Contains("no store with id 999999", missing.Error);
    }

    [Fact]
    public async Task Store_and_transactions_together_are_a_usage_error()
    {
        var result = await CliRun.RunAsync("analyze", "rfm", "--store", "7", "--transactions", _cdnowCsv);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("either --store ID or --transactions", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Rfm_json_with_clusters_accounts_for_every_customer_in_segments_and_cross_tab()
    {
        var result = await CliRun.RunAsync("analyze", "rfm", "--transactions", _cdnowCsv, "--as-of", "1997-09-30", "--clusters", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("1997-09-30", json.GetProperty("asOf").GetString());
        Assert.Equal(2357, json.GetProperty("customerCount").GetInt32());
        Assert.Equal(2357, json.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("customers").GetInt32()));
        var clusters = json.GetProperty("clusters");
        // docs/analytics.md: on CDNOW as of 1997-09-30 the silhouette picks k = 2.
        Assert.Equal(2, clusters.GetProperty("clusterCount").GetInt32());
        Assert.Equal(2357, clusters.GetProperty("segmentCrossTab").EnumerateArray().Sum(s => s.GetProperty("customers").GetInt32()));
    }

    [Fact]
    public async Task Rfm_names_segments_as_the_customers_page_does()
    {
        var json = await CliRun.RunAsync("analyze", "rfm", "--transactions", _cdnowCsv, "--as-of", "1997-09-30", "--json");
        var human = await CliRun.RunAsync("analyze", "rfm", "--transactions", _cdnowCsv, "--as-of", "1997-09-30");

        var names = JsonDocument.Parse(json.Out).RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("segment").GetString()).ToList();
        Assert.Contains("Loyal", names);
        Assert.Contains("Can't lose them", names);
        Assert.DoesNotContain("LoyalCustomers", json.Out);
        Assert.DoesNotContain("LoyalCustomers", human.Out);
        Assert.Contains("Loyal ", human.Out);
    }

    [Fact]
    public async Task Rfm_without_as_of_measures_recency_to_the_last_day_in_the_file()
    {
        var result = await CliRun.RunAsync("analyze", "rfm", "--transactions", _cdnowCsv);

        Assert.True(result.ExitCode == 0, result.Error);
        var lastDay = CdnowSample.Transactions.Max(t => t.Day);
        Assert.Contains($"as of {lastDay:yyyy-MM-dd}", result.Out);
        Assert.Contains("Champions", result.Out);
    }
}
