using System.Text.Json;
using Nexus.Core.Exports;
using Nexus.Tests.Cli;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Hardening;

/// <summary>Issue 20 item 8: every CSV Nexus writes defuses spreadsheet formulas the same way.</summary>
public class CsvFieldTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("=1+1@evil.example", "'=1+1@evil.example")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("-12.50", "-12.50")]          // a plain negative amount stays a number
    [InlineData("ana@example.com", "ana@example.com")]
    [InlineData("Müller, Ana", "\"Müller, Ana\"")]
    [InlineData(null, "")]
    public void Formulas_get_an_apostrophe_then_RFC_4180_quoting(string? value, string expected) => Assert.Equal(expected, Csv.Field(value));
}

/// <summary><c>export --format csv</c> of a store whose customers carry formulas (a hostile store synced over HTTP).</summary>
[Collection(HostCollection.Name)]
public sealed class CsvExportDefusingTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Export_format_csv_defuses_formulas_a_store_sent()
    {
        const string customers = """
            [{"id":1,"email":"=1+1@evil.example","first_name":"=HYPERLINK(\"http://evil\",\"x\")","last_name":"+cmd|' /C calc'!A0","username":"@SUM(1+1)",
              "date_created_gmt":"2026-01-01T00:00:00","date_modified_gmt":"2026-01-02T00:00:00"}]
            """;
        await using var store = await HostileStore.StartAsync((http, self) => self.Write(http, http.Request.Path.Value switch
        {
            { } p when p.EndsWith("system_status") => HostileStore.StatusJson,
            { } p when p.EndsWith("customers") => customers,
            _ => "[]",
        }));
        var added = await Cli("stores", "add", "--platform", "woocommerce", "--url", store.BaseUrl, "--key", "ck_evil", "--secret", "cs_evil", "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        var id = JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32().ToString();
        var sync = await Cli("sync", "--store", id, "--full");
        Assert.True(sync.ExitCode == 0, sync.Error + sync.Out);

        var export = await Cli("export", "--store", id, "--entity", "customers", "--format", "csv");

        Assert.Equal(0, export.ExitCode);
        var row = export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.StartsWith("1,'=1+1@evil.example,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+cmd|' /C calc'!A0,", row);
        Assert.DoesNotContain(",=", row);
        Assert.DoesNotContain(",+", row);
    }

    private Task<CliOutput> Cli(params string[] args) => CliRun.InFolderAsync(_data.Path, args);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
