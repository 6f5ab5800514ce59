using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Currency;
using Nexus.Tests.Cli;

namespace Nexus.Tests.Currency;

/// <summary>Loading a newer ECB file: the ECB's own formats load, a malformed file loads nothing and says where it is wrong.</summary>
public sealed class FxImportTests(FxDatabase fx) : IClassFixture<FxDatabase>, IDisposable
{
    private readonly TempFolder _files = new();

    private string Write(string name, string text)
    {
        var path = _files.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<int> CountAsync()
    {
        await using var db = fx.Db.CreateDbContext();
        return await db.FxRates.CountAsync();
    }

    [Fact]
    public async Task The_ECBs_daily_file_adds_its_day_and_conversion_uses_it_from_then_on()
    {
        // The ECB's daily eurofxref.csv: spaces after commas, the day written out, a trailing comma.
        var path = Write("eurofxref.csv", "Date, USD, JPY, \n14 April 2026, 1.1700, 187.00, \n");
        var result = await fx.Rates.ImportFileAsync(path);

        Assert.Equal((1, 2, 2), (result.Days, result.Currencies, result.Rates));
        Assert.Equal(new DateOnly(2026, 4, 14), result.LastDay);
        var tenant = await fx.NewTenantAsync();
        await fx.AddOrderAsync(tenant, await fx.NewStoreAsync(tenant, "s"), "USD", 11_700, new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(100m, (await fx.ConvertedDayAsync(tenant, "EUR", new DateOnly(2026, 4, 15))).Current.Revenue); // $117.00 / 1.17
    }

    [Fact]
    public async Task A_zipped_CSV_loads_like_the_shipped_one()
    {
        var zipPath = _files.File("newer.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("eurofxref-hist.csv").Open());
            writer.Write("Date,USD,GBP,\n2026-04-16,1.1800,0.8800,\n2026-04-15,1.1750,N/A,\n");
        }
        var result = await fx.Rates.ImportFileAsync(zipPath);
        Assert.Equal((2, 3), (result.Days, result.Rates)); // N/A is not a rate
    }

    [Theory]
    [InlineData("Day,USD\n2026-04-20,1.1\n", "first line should be 'Date,USD,JPY")]
    [InlineData("Date,USD,GBP,\n2026-04-21,1.17,0.88,\n2026-04-20,abc,0.88,\n", "line 3: USD is 'abc'")]
    [InlineData("Date,USD,GBP,\n2026-04-21,1.17,0.88,\n20/04/2026,1.16,0.88,\n", "line 3: '20/04/2026' is not a date")]
    [InlineData("Date,USD,GBP,\n2026-04-21,1.17,0.88,\n2026-04-20,1.16,\n", "line 3: 1 values for 2 currencies")]
    [InlineData("Date,USD,GBP,\n2026-04-21,1.17,0.88,\n2026-04-21,1.16,0.87,\n", "2026-04-21 appears twice")]
    [InlineData("Date,USD,GBP,\n2026-04-21,1.17,-0.88,\n", "GBP is '-0.88'")]
    [InlineData("Date,USD,EURO,\n2026-04-21,1.17,1,\n", "'EURO' is not a currency code")]
    public async Task A_malformed_file_loads_nothing_and_names_the_line(string text, string expected)
    {
        var before = await CountAsync();
        var error = await Assert.ThrowsAsync<EcbRatesFileException>(() => fx.Rates.ImportFileAsync(Write("bad.csv", text)));

        Assert.Contains(expected, error.Message);
        Assert.Equal(before, await CountAsync()); // not even the good first day
        await using var db = fx.Db.CreateDbContext();
        Assert.False(await db.FxRates.AnyAsync(r => r.Day == new DateOnly(2026, 4, 21).DayNumber));
    }

    public void Dispose() => _files.Dispose();
}
