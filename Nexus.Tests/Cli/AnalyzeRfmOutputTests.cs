using System.Globalization;
using System.Text.Json;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

/// <summary>
/// <c>analyze rfm</c>'s human output with <c>--clusters</c> (the table an analyst reads) against its own JSON, and the
/// inputs it cannot analyse. A small two-group file keeps each run well under a second.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AnalyzeRfmOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>20 frequent, big, recent buyers and 20 one-time small buyers from a year earlier.</summary>
    private string TwoGroupsCsv()
    {
        var path = _folder.File("two-groups.csv");
        using var writer = new StreamWriter(path);
        writer.WriteLine("customer_id,date,amount");
        var end = new DateOnly(2025, 6, 30);
        for (var c = 1; c <= 20; c++)
        {
            for (var o = 0; o < 6 + c % 3; o++)
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"big{c},{end.AddDays(-o * 9 - c % 5):yyyy-MM-dd},{180 + c * 3 + o}.50"));
        }
        for (var c = 1; c <= 20; c++)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"once{c},{end.AddDays(-360 - c):yyyy-MM-dd},{15 + c % 4}.00"));
        return path;
    }

    [Fact]
    public async Task The_cluster_table_and_cross_tab_print_what_the_json_reports()
    {
        var csv = TwoGroupsCsv();
        var json = JsonDocument.Parse((await CliRun.RunAsync("analyze", "rfm", "--transactions", csv, "--clusters", "--json")).Out).RootElement.GetProperty("clusters");
        var human = await CliRun.RunAsync("analyze", "rfm", "--transactions", csv, "--clusters");

        Assert.True(human.ExitCode == 0, human.Error);
        Assert.Contains("clustering (k-means", human.Error, StringComparison.Ordinal);
        var lines = human.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var k = json.GetProperty("clusterCount").GetInt32();
        Assert.Contains(lines, l => l.StartsWith($"k-means: k = {k} (best mean silhouette; k=2: ", StringComparison.Ordinal));

        // One row per cluster profile, with the JSON's customer counts.
        var tableStart = lines.FindIndex(l => l.TrimStart().StartsWith("cluster", StringComparison.Ordinal));
        var profiles = json.GetProperty("profiles").EnumerateArray().ToList();
        Assert.Equal(k, profiles.Count);
        for (var i = 0; i < k; i++)
        {
            var cells = lines[tableStart + 1 + i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(profiles[i].GetProperty("cluster").GetInt32().ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal(profiles[i].GetProperty("customers").GetInt32().ToString(CultureInfo.InvariantCulture), cells[1]);
        }

        // The cross-tab: a column per cluster, a row per segment, and every customer counted once.
        var crossTab = lines.FindIndex(l => l == "Cluster × segment (customers):");
        Assert.True(crossTab > tableStart);
        var header = lines[crossTab + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["segment", .. profiles.Select(p => "c" + p.GetProperty("cluster").GetInt32())], header);
        var rows = lines.Skip(crossTab + 2).TakeWhile(l => l.Length > 0).ToList();
        // Segment names may hold spaces: the counts are each row's last k cells.
        var printed = rows.Sum(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(k).Sum(n => int.Parse(n, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
        Assert.Equal(40, printed);
        Assert.Equal(json.GetProperty("segmentCrossTab").EnumerateArray().Select(x => x.GetProperty("segment").GetString()).Distinct().Count(), rows.Count);
    }

    [Fact]
    public async Task An_as_of_day_before_every_transaction_is_not_enough_data_and_prints_nothing()
    {
        var result = await CliRun.RunAsync("analyze", "rfm", "--transactions", TwoGroupsCsv(), "--as-of", "2020-01-01");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no transactions on or before --as-of 2020-01-01", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_file_with_only_its_header_is_not_enough_data()
    {
        var path = _folder.File("empty.csv");
        await File.WriteAllTextAsync(path, "customer_id,date,amount\n");
        var result = await CliRun.RunAsync("analyze", "rfm", "--transactions", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the file has a header but no transactions", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clustering_two_customers_is_refused_in_plain_words()
    {
        var path = _folder.File("two.csv");
        await File.WriteAllTextAsync(path, "customer_id,date,amount\na,2025-01-01,10\nb,2025-01-02,20\n");
        var result = await CliRun.RunAsync("analyze", "rfm", "--transactions", path, "--clusters");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("k-means needs more than 2 customers to cluster, got 2", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_malformed_as_of_date_and_a_missing_source_are_usage_errors()
    {
        var badDate = await CliRun.RunAsync("analyze", "rfm", "--transactions", TwoGroupsCsv(), "--as-of", "30/06/2025");
        Assert.NotEqual(0, badDate.ExitCode);
        Assert.Contains("--as-of '30/06/2025' is not a date in yyyy-MM-dd form", badDate.Error + badDate.Out, StringComparison.Ordinal);

        var noSource = await CliRun.RunAsync("analyze", "rfm");
        Assert.Equal(2, noSource.ExitCode);
        Assert.Contains("give --store ID (a synced store) or --transactions FILE.csv", noSource.Error, StringComparison.Ordinal);
    }
}
