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
