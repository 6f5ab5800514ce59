using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;

namespace Nexus.Tests.Stores;

public sealed class StoreServiceTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nexus-store-tests", Guid.NewGuid().ToString("N"));
    private readonly Guid _tenant = Guid.NewGuid();
    private readonly Guid _otherTenant = Guid.NewGuid();
    private StoreService _stores = null!;

    private sealed class Factory(DbContextOptions<NexusDbContext> options) : IDbContextFactory<NexusDbContext>
    {
        public NexusDbContext CreateDbContext() => new(options);
    }

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = _folder });
        var factory = new Factory(options.Options);
        await new DatabaseInitializer(factory, NullLogger<DatabaseInitializer>.Instance).InitializeAsync();
        await using (var db = factory.CreateDbContext())
        {
            db.Tenants.AddRange(new Tenant { Id = _tenant, Name = "mine" }, new Tenant { Id = _otherTenant, Name = "other" });
            await db.SaveChangesAsync();
        }
        var protection = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_folder, "keys")));
        _stores = new StoreService(factory, new StoreCredentialProtector(protection), new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Credentials_are_encrypted_at_rest_and_read_back_intact()
    {
        const string secret = "cs_plaintext_secret_1234567890";
        var store = await _stores.AddAsync(_tenant, new NewStore("Shop", "woocommerce", "https://shop.example.test/", new StoreCredentials("ck_visible_key_0987654321", secret)));

        SqliteConnection.ClearAllPools();
        var raw = string.Concat(Directory.GetFiles(_folder, "nexus.db*").Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        Assert.Contains("Shop", raw); // the file really holds the row...
        Assert.DoesNotContain(secret, raw); // ...but not the secret,
        Assert.DoesNotContain("ck_visible_key_0987654321", raw); // nor the key.

        var loaded = await _stores.GetWithCredentialsAsync(_tenant, store.Id);
        Assert.Equal(secret, loaded!.Value.Credentials.Secret);
        Assert.Equal("https://shop.example.test", loaded.Value.Store.BaseUrl);
    }

    [Fact]
    public async Task Another_tenant_cannot_read_the_store_or_its_credentials()
    {
        var store = await _stores.AddAsync(_tenant, new NewStore("Mine", "woocommerce", "https://mine.example.test", new StoreCredentials("ck_a", "cs_a")));
        Assert.Null(await _stores.GetWithCredentialsAsync(_otherTenant, store.Id));
        Assert.Empty(await _stores.ListAsync(_otherTenant));
        Assert.Single(await _stores.ListAsync(_tenant));
    }

    [Theory]
    [InlineData("https://")]
    [InlineData("ftp://shop.example.test")]
    [InlineData("")]
    public async Task A_store_address_that_is_not_http_is_refused_with_an_example(string url)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _stores.AddAsync(_tenant, new NewStore("Bad", "woocommerce", url, new StoreCredentials("k", "s"))));
        Assert.Contains("https://shop.example.com", error.Message);
    }

    [Fact]
    public async Task A_store_address_typed_without_a_scheme_is_stored_as_https()
    {
        var store = await _stores.AddAsync(_tenant, new NewStore("Typed", "woocommerce", "shop.example.test/", new StoreCredentials("k", "s")));
        Assert.Equal("https://shop.example.test", store.BaseUrl);
    }

    [Theory]
    [InlineData("https://dup.example.test")]
    [InlineData("https://dup.example.test/")]
    [InlineData("http://DUP.example.test")]
    [InlineData("https://www.dup.example.test/")]
    [InlineData("dup.example.test")]
    public async Task The_same_shop_connected_twice_in_one_account_is_refused_in_plain_words(string typedAgain)
    {
        await _stores.AddAsync(_tenant, new NewStore("First", "woocommerce", "https://dup.example.test", new StoreCredentials("k", "s")));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _stores.AddAsync(_tenant, new NewStore("Again", "woocommerce", typedAgain, new StoreCredentials("k2", "s2"))));
        Assert.Contains("already connected as \"First\"", error.Message);
        Assert.Contains("count every order twice", error.Message);
        Assert.Single(await _stores.ListAsync(_tenant));
    }

    [Fact]
    public async Task Another_account_a_different_platform_or_another_path_may_use_the_same_address()
    {
        await _stores.AddAsync(_tenant, new NewStore("Mine", "woocommerce", "https://shared.example.test", new StoreCredentials("k", "s")));

        await _stores.AddAsync(_otherTenant, new NewStore("Theirs", "woocommerce", "https://shared.example.test", new StoreCredentials("k", "s")));
        await _stores.AddAsync(_tenant, new NewStore("Other platform", "magento", "https://shared.example.test", new StoreCredentials("k", "s")));
        await _stores.AddAsync(_tenant, new NewStore("Second shop", "woocommerce", "https://shared.example.test/de", new StoreCredentials("k", "s")));

        Assert.Equal(3, (await _stores.ListAsync(_tenant)).Count);
        Assert.Single(await _stores.ListAsync(_otherTenant));
    }

    [Fact]
    public async Task Editing_a_store_onto_another_connected_address_is_refused_but_keeping_its_own_is_not()
    {
        await _stores.AddAsync(_tenant, new NewStore("A", "woocommerce", "https://a.example.test", new StoreCredentials("k", "s")));
        var b = await _stores.AddAsync(_tenant, new NewStore("B", "woocommerce", "https://b.example.test", new StoreCredentials("k", "s")));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _stores.UpdateAsync(_tenant, b.Id, "B", "https://www.a.example.test/", "0 * * * *", false, 300, null));
        Assert.Contains("already connected as \"A\"", error.Message);
        Assert.Equal("https://b.example.test", (await _stores.GetWithCredentialsAsync(_tenant, b.Id))!.Value.Store.BaseUrl);

        await _stores.UpdateAsync(_tenant, b.Id, "B renamed", "https://b.example.test/", "0 * * * *", false, 300, null);
        Assert.Equal("B renamed", (await _stores.GetWithCredentialsAsync(_tenant, b.Id))!.Value.Store.Name);
    }

    [Fact]
    public void Credentials_never_print_their_secret()
    {
        var text = new StoreCredentials("ck_1234567890abcdef", "cs_topsecret_value").ToString();
        Assert.DoesNotContain("cs_topsecret_value", text);
        Assert.DoesNotContain("ck_1234567890abcdef", text);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
