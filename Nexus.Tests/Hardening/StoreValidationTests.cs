using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Tests.Cli;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Hardening;

/// <summary>Issue 20 item 6: one validation for wizard, edit and CLI, with lengths enforced in code (SQLite ignores column lengths).</summary>
public class StoreValidationTests
{
    [Theory]
    [InlineData("file:///etc/passwd", "is not a web address")]
    [InlineData("ftp://shop.example.com", "is not a web address")]
    [InlineData("not a url", "is not a web address")]
    [InlineData("https://user:pw@shop.example.com", "user name or password")]
    [InlineData("https://shop.example.com/?x=1", "without '?…' or '#…'")]
    public async Task Editing_a_store_to_an_unusable_address_is_refused_and_changes_nothing(string url, string expected)
    {
        await using var db = await ScratchStoreDatabase.CreateAsync();
        var stores = new StoreService(db, db.Protector, TimeProvider.System);
        var before = await UrlAsync(db);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stores.UpdateAsync(db.TenantId, db.StoreId, "Shop", url, "0 * * * *", false, 300, null));

        Assert.Contains(expected, error.Message);
        Assert.Equal(before, await UrlAsync(db));
    }

    [Fact]
    public async Task Names_addresses_and_credentials_have_maximum_lengths_on_add_and_edit()
    {
        await using var db = await ScratchStoreDatabase.CreateAsync();
        var stores = new StoreService(db, db.Protector, TimeProvider.System);
        var longName = new string('n', 9_999);

        var add = await Assert.ThrowsAsync<ArgumentException>(() => stores.AddAsync(db.TenantId, new NewStore(longName, "woocommerce", "https://shop.example.com", new StoreCredentials("ck_1", "cs_1"))));
        Assert.Contains("9,999 characters long; use at most 200", add.Message);
        var edit = await Assert.ThrowsAsync<ArgumentException>(() => stores.UpdateAsync(db.TenantId, db.StoreId, longName, "https://shop.example.com", "0 * * * *", false, 300, null));
        Assert.Contains("use at most 200", edit.Message);
        var url = await Assert.ThrowsAsync<ArgumentException>(() => stores.AddAsync(db.TenantId, new NewStore("Shop", "woocommerce", "https://shop.example.com/" + new string('a', 2_000), new StoreCredentials("ck_1", "cs_1"))));
        Assert.Contains("use at most 2000", url.Message);
        var secret = await Assert.ThrowsAsync<ArgumentException>(() => stores.UpdateAsync(db.TenantId, db.StoreId, "Shop", "https://shop.example.com", "0 * * * *", false, 300, new StoreCredentials("ck_1", new string('s', 600))));
        Assert.Contains("secret is 600 characters long", secret.Message);

        await using var check = db.ForTenant();
        Assert.Equal(1, await check.Stores.CountAsync());
        Assert.DoesNotContain(await check.Stores.Select(s => s.Name).ToListAsync(), n => n.Length > StoreValidation.MaxNameLength);
    }

    [Fact]
    public async Task A_valid_edit_is_stored_in_canonical_form()
    {
        await using var db = await ScratchStoreDatabase.CreateAsync();
        var stores = new StoreService(db, db.Protector, TimeProvider.System);
        await stores.UpdateAsync(db.TenantId, db.StoreId, "  My shop  ", " https://Shop.Example.com/ ", "0 * * * *", false, 300, null);
        Assert.Equal("https://shop.example.com", await UrlAsync(db));
    }

    private static async Task<string> UrlAsync(ScratchStoreDatabase db)
    {
        await using var check = db.ForTenant();
        return await check.Stores.Select(s => s.BaseUrl).SingleAsync();
    }
}

/// <summary>Issue 20 items 6 and 7 from the command line: one clear line and a non-zero exit, never a stack trace.</summary>
[Collection(HostCollection.Name)]
public sealed class CliErrorTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Theory]
    [InlineData("not a url", "error: 'not a url' is not a web address.")]
    [InlineData("file:///etc/passwd", "error: 'file:///etc/passwd' is not a web address.")]
    [InlineData("http://169.254.169.254/latest/meta-data", "error: 169.254.169.254 is a cloud metadata address (169.254.169.254)")]
    public async Task Stores_add_with_a_bad_address_prints_one_clear_line_and_exits_non_zero(string url, string expected)
    {
        var result = await CliRun.InFolderAsync(_data.Path, "stores", "add", "--platform", "woocommerce", "--url", url, "--key", "ck_1", "--secret", "cs_1");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line);
        Assert.DoesNotContain(" at ", result.Error);
        Assert.Equal("", result.Out);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
