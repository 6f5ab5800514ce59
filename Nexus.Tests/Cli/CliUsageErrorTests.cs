using System.Text.Json;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

/// <summary>
/// What an operator sees when a verb is typed wrong: one plain line on stderr naming what to change, exit code 1,
/// and nothing on stdout (so a script piping stdout never mistakes an error for output). None of these reach a store.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CliUsageErrorTests : IDisposable
{
    private readonly TempFolder _data = new();

    private Task<CliOutput> Cli(params string[] args) => CliRun.InFolderAsync(_data.Path, args);

    private static void AssertRefused(CliOutput result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Stores_add_with_an_unknown_platform_lists_the_known_ones()
    {
        var result = await Cli("stores", "add", "--platform", "BigCommerce", "--url", "https://shop.example.com");
        AssertRefused(result, "Nexus does not know the platform 'bigcommerce'. Known: csv, magento, shopify, woocommerce.");
    }

    [Fact]
    public async Task Stores_add_without_url_for_a_platform_that_needs_one_says_so()
    {
        var result = await Cli("stores", "add", "--platform", "woocommerce", "--key", "ck_a", "--secret", "cs_a");
        AssertRefused(result, "WooCommerce stores need --url, the store's address.");
    }

    [Fact]
    public async Task A_credential_without_a_name_is_refused_naming_the_fields_the_platform_asks_for()
    {
        var result = await Cli("stores", "add", "--platform", "shopify", "--url", "https://shop.example.com", "--credential", "=shpat_secret");
        AssertRefused(result, "--credential takes NAME=VALUE");
        Assert.Contains("--credential access_token=", result.Error, StringComparison.Ordinal);
        // The part after '=' may be a secret: it is never echoed back.
        Assert.DoesNotContain("shpat_secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_credential_field_is_named()
    {
        var result = await Cli("stores", "add", "--platform", "woocommerce", "--url", "https://shop.example.com", "--key", "ck_a");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--credential secret=", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_csv_store_needs_a_name()
    {
        var result = await Cli("stores", "add", "--platform", "csv");
        AssertRefused(result, "Give the CSV files store a name with --name.");
    }

    [Fact]
    public async Task An_unusable_request_budget_is_refused_before_any_connection()
    {
        var result = await Cli("stores", "add", "--platform", "woocommerce", "--url", "https://shop.example.com", "--key", "ck_a", "--secret", "cs_a",
            "--requests-per-minute", "0", "--no-test");
        AssertRefused(result, "A request budget of 0 per minute is not usable");
        var list = await Cli("stores", "list", "--json");
        Assert.Equal(0, JsonDocument.Parse(list.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Import_of_a_file_that_does_not_exist_names_the_file()
    {
        var id = await AddCsvStoreAsync();
        var missing = _data.File("no-such.csv");
        var result = await Cli("import", "--store", id, "--entity", "orders", "--file", missing);
        AssertRefused(result, $"There is no file {missing}.");
    }

    [Fact]
    public async Task Import_with_a_mapping_file_that_does_not_exist_or_does_not_parse_is_refused()
    {
        var id = await AddCsvStoreAsync();
        var file = _data.File("orders.csv");
        await File.WriteAllTextAsync(file, "a,b\n1,2\n");

        var absent = _data.File("absent.json");
        AssertRefused(await Cli("import", "--store", id, "--entity", "orders", "--file", file, "--mapping", absent), $"There is no mapping file {absent}.");

        var broken = _data.File("broken.json");
        await File.WriteAllTextAsync(broken, "{ not json");
        AssertRefused(await Cli("import", "--store", id, "--entity", "orders", "--file", file, "--mapping", broken), "broken.json: ");
    }

    [Fact]
    public async Task Export_of_a_store_with_nothing_stored_prints_an_empty_json_array_or_only_the_csv_header()
    {
        var id = await AddCsvStoreAsync();
        var json = await Cli("export", "--store", id, "--entity", "products");
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(json.Out).RootElement.GetArrayLength());

        var csv = await Cli("export", "--store", id, "--entity", "products", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.Single(csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("id,", csv.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_list_for_an_owner_without_stores_says_how_to_add_one_for_that_owner()
    {
        var result = await Cli("stores", "list", "--owner", "nobody@example.test");
        AssertRefused(result, "There is no account 'nobody@example.test'");
    }

    private async Task<string> AddCsvStoreAsync()
    {
        var added = await Cli("stores", "add", "--platform", "csv", "--name", "History", "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        return JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32().ToString();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
