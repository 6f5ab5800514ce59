using System.Text.Json;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

/// <summary><c>stores add --platform csv</c> and <c>import</c> as an operator runs them, against the CLI's own data folder.</summary>
[Collection(HostCollection.Name)]
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder _data = new();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "csv", name);

    private Task<CliOutput> Cli(params string[] args) => CliRun.InFolderAsync(_data.Path, args);

    [Fact]
    public async Task A_csv_store_is_added_without_an_address_and_importing_the_same_file_twice_reports_new_then_unchanged()
    {
        var added = await Cli("stores", "add", "--platform", "csv", "--name", "Old shop history", "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        var id = JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32().ToString();

        var first = await Cli("import", "--store", id, "--entity", "orders", "--file", Fixture("shopify_orders_export.csv"), "--json");
        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        var counts = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal((3, 0, 0, 0), (counts.GetProperty("stored").GetInt64(), counts.GetProperty("updated").GetInt64(), counts.GetProperty("unchanged").GetInt64(), counts.GetProperty("quarantined").GetInt64()));
        Assert.Contains("Shopify orders export", first.Error, StringComparison.Ordinal);

        var second = await Cli("import", "--store", id, "--entity", "orders", "--file", Fixture("shopify_orders_export.csv"), "--json");
        var again = JsonDocument.Parse(second.Out).RootElement;
        Assert.Equal((0, 3), (again.GetProperty("stored").GetInt64(), again.GetProperty("unchanged").GetInt64()));
    }

    [Fact]
    public async Task Importing_into_a_store_that_is_not_a_csv_store_or_does_not_exist_is_refused_in_plain_words()
    {
        var missing = await Cli("import", "--store", "999", "--entity", "orders", "--file", Fixture("shopify_orders_export.csv"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("There is no store 999", missing.Error, StringComparison.Ordinal);

        var csvWithUrl = await Cli("stores", "add", "--platform", "csv", "--name", "x", "--url", "https://shop.example.com");
        Assert.Equal(1, csvWithUrl.ExitCode);
        Assert.Contains("have no address", csvWithUrl.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_names_its_line_and_what_to_do_and_stores_history_lists_it_as_an_import_of_that_file()
    {
        var added = await Cli("stores", "add", "--platform", "csv", "--name", "Till exports", "--json");
        var id = JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32().ToString();
        var file = Path.Combine(_data.Path, "customers_march.csv");
        await File.WriteAllTextAsync(file, "First Name,Last Name,Email,Total Spent,Total Orders\nAna,Lima,ana@example.com,10.00,1\nBen,Okafor\n");

        var imported = await Cli("import", "--store", id, "--entity", "customers", "--file", file);

        Assert.True(imported.ExitCode == 0, imported.Error + imported.Out);
        Assert.Contains("Import of customers_march.csv succeeded", imported.Out, StringComparison.Ordinal);
        Assert.Contains("new 1, updated 0, unchanged 0, quarantined 1", imported.Out, StringComparison.Ordinal);
        Assert.Contains("Line 3: The row has 2 of the header's 5 columns", imported.Out, StringComparison.Ordinal);
        Assert.Contains("Fix it in the file and upload it again", imported.Out, StringComparison.Ordinal);

        var history = await Cli("stores", "history", id);
        Assert.True(history.ExitCode == 0, history.Error);
        Assert.Contains("Succeeded  Import · customers_march.csv", history.Out, StringComparison.Ordinal);
        var runs = JsonDocument.Parse((await Cli("stores", "history", id, "--json")).Out).RootElement;
        var run = Assert.Single(runs.EnumerateArray());
        Assert.Equal(("Import · customers_march.csv", 1, 1), (run.GetProperty("label").GetString(), run.GetProperty("inserted").GetInt32(), run.GetProperty("quarantined").GetInt32()));
    }

    public void Dispose() => _data.Dispose();
}
