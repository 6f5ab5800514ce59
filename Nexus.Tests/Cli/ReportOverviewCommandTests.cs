using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Core.Tenancy;
using Nexus.Tests.Currency;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

/// <summary>
/// <c>report overview</c> and <c>fx import</c> as an operator runs them, on the CLI's own data folder with the shipped
/// ECB file. Expected money is computed here from eurofxref-hist.csv's raw numbers (the comment names the file's line).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReportOverviewCommandTests : IDisposable
{
    private readonly TempFolder _data = new();

    private Task<CliOutput> Cli(params string[] args) => CliRun.InFolderAsync(_data.Path, args);

    private NexusDbContext Db()
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = _data.Path });
        return new NexusDbContext(options.Options);
    }

    private async Task<(int Id, Guid Tenant)> AddStoreAsync(string name)
    {
        var added = await Cli("stores", "add", "--platform", "csv", "--name", name, "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        var id = JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32();
        await using var db = Db();
        return (id, await db.Stores.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.TenantId).SingleAsync());
    }

    private async Task AddOrderAsync((int Id, Guid Tenant) store, string currency, long totalMinor, DateTimeOffset at, string customer, long refundedMinor = 0)
    {
        await using var db = Db();
        db.Orders.Add(FxDatabase.Order(store.Tenant, store.Id, currency, totalMinor, at, customer, refundedMinor));
        await db.SaveChangesAsync();
    }

    private static DateTimeOffset Utc(int y, int m, int d) => new(y, m, d, 15, 0, 0, TimeSpan.Zero);

    private async Task<JsonElement> ReportAsync(params string[] args)
    {
        var result = await Cli(["report", "overview", .. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    [Fact]
    public async Task All_stores_revenue_is_the_sum_of_each_order_converted_on_its_day_and_another_account_sees_none_of_it()
    {
        var dollars = await AddStoreAsync("US shop");
        var euros = await AddStoreAsync("EU shop");
        // Saturday 2024-12-21 → Friday 2024-12-20 (line 332): USD 1.039, GBP 0.82965.
        await AddOrderAsync(dollars, "USD", 10_000, Utc(2024, 12, 21), "a");
        // Christmas 2024-12-25 → 2024-12-24 (line 330): USD 1.0395, GBP 0.82805. $55.55 with $5.55 refunded.
        await AddOrderAsync(dollars, "USD", 5_555, Utc(2024, 12, 25), "b", refundedMinor: 555);
        // Monday 2024-12-23 (line 331): GBP 0.82995.
        await AddOrderAsync(euros, "EUR", 8_000, Utc(2024, 12, 23), "c");
        var expected = Math.Round(100.00m * 0.82965m / 1.039m + 50.00m * 0.82805m / 1.0395m + 80.00m * 0.82995m, 2, MidpointRounding.AwayFromZero);

        var all = await ReportAsync("--from", "2024-12-20", "--to", "2024-12-26", "--all", "--currency", "GBP");

        Assert.Equal(expected, all.GetProperty("revenue").GetDecimal());
        Assert.Equal("GBP", all.GetProperty("currency").GetString());
        Assert.True(all.GetProperty("converted").GetBoolean());
        Assert.Equal(3, all.GetProperty("orders").GetInt32());
        Assert.Equal(3, all.GetProperty("customers").GetInt32());
        Assert.Equal(decimal.Round(expected / 3, 2), all.GetProperty("averageOrderValue").GetDecimal());
        Assert.Equal(0, all.GetProperty("conversion").GetProperty("staleOrders").GetInt32());

        // One store stays in its own currency: $100 + $50, nothing converted.
        var store = await ReportAsync("--from", "2024-12-20", "--to", "2024-12-26", "--store", dollars.Id.ToString());
        Assert.Equal((150.00m, "USD", false), (store.GetProperty("revenue").GetDecimal(), store.GetProperty("currency").GetString(), store.GetProperty("converted").GetBoolean()));

        await using (var db = Db())
        {
            var other = Guid.NewGuid();
            db.Tenants.Add(new Tenant { Id = other, Name = "other" });
            db.Users.Add(new NexusUser { Email = "other@example.test", NormalizedEmail = "OTHER@EXAMPLE.TEST", UserName = "other@example.test", TenantId = other });
            await db.SaveChangesAsync();
        }
        var theirs = await ReportAsync("--from", "2024-12-20", "--to", "2024-12-26", "--all", "--currency", "GBP", "--owner", "other@example.test");
        Assert.Equal((0m, 0, 0), (theirs.GetProperty("revenue").GetDecimal(), theirs.GetProperty("orders").GetInt32(), theirs.GetProperty("customers").GetInt32()));
        var foreignStore = await Cli("report", "overview", "--from", "2024-12-20", "--to", "2024-12-26", "--store", dollars.Id.ToString(), "--owner", "other@example.test");
        Assert.Equal(1, foreignStore.ExitCode);
        Assert.Contains($"There is no store {dollars.Id} for other@example.test", foreignStore.Error);
    }

    [Fact]
    public async Task A_currency_the_ECB_stopped_quoting_converts_with_its_last_quote_and_says_so()
    {
        var kuna = await AddStoreAsync("Zagreb shop");
        // HRK's last quote: 2022-12-30 (line 838) 7.5365; 2023-01-09 is 10 days later.
        await AddOrderAsync(kuna, "HRK", 75_365, Utc(2023, 1, 9), "a");

        var text = await Cli("report", "overview", "--from", "2023-01-09", "--to", "2023-01-09", "--currency", "EUR");
        var json = await ReportAsync("--from", "2023-01-09", "--to", "2023-01-09", "--currency", "EUR");

        Assert.Equal(Math.Round(753.65m / 7.5365m, 2), json.GetProperty("revenue").GetDecimal());
        Assert.Equal(1, json.GetProperty("conversion").GetProperty("staleOrders").GetInt32());
        Assert.Contains("1 orders were converted with a rate more than 7 days older than the order", text.Out);
    }

    [Fact]
    public async Task Fx_import_loads_a_newer_day_and_refuses_a_malformed_file_naming_its_line()
    {
        var bad = _data.File("bad.csv");
        await File.WriteAllTextAsync(bad, "Date,USD,GBP,\n2026-04-15,1.1800,0.8800,\n2026-04-14,1.17O0,0.8790,\n");
        var refused = await Cli("fx", "import", "--file", bad);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("bad.csv, line 3: USD is '1.17O0'", refused.Error);
        Assert.Contains("Nothing was loaded.", refused.Error);
        var day = new DateOnly(2026, 4, 15).DayNumber;
        await using (var db = Db())
        {
            Assert.False(await db.FxRates.AnyAsync(r => r.Day == day)); // not even the file's good first row
        }

        var newer = _data.File("eurofxref.csv");
        await File.WriteAllTextAsync(newer, "Date, USD, GBP, \n15 April 2026, 1.1800, 0.8800, \n");
        var loaded = await Cli("fx", "import", "--file", newer, "--json");
        Assert.True(loaded.ExitCode == 0, loaded.Error);
        Assert.Equal("2026-04-15", JsonDocument.Parse(loaded.Out).RootElement.GetProperty("lastDay").GetString());

        await using var after = Db();
        Assert.Equal(0.88, await after.FxRates.Where(r => r.Currency == "GBP" && r.Day == day).Select(r => r.PerEur).SingleAsync());
    }

    public void Dispose() => _data.Dispose();
}
