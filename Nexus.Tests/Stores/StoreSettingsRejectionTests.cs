using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;

namespace Nexus.Tests.Stores;

/// <summary>
/// Editing a store's settings: each unusable value is refused with what to enter instead, and a refused edit changes
/// nothing (not even the fields that were valid). Addresses are public IP literals so no name is resolved.
/// </summary>
public sealed class StoreSettingsRejectionTests : IAsyncLifetime
{
    private const string PublicAddress = "https://93.184.216.34";
    private ScratchStoreDatabase _db = null!;
    private StoreService _stores = null!;

    public async Task InitializeAsync()
    {
        _db = await ScratchStoreDatabase.CreateAsync();
        _stores = new StoreService(_db, _db.Protector, TimeProvider.System, new PrivateAddressGuard(Options.Create(new NetworkAccessOptions())));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task Update(string name = "Renamed", string url = PublicAddress, string cron = "0 * * * *", int budget = 300, StoreCredentials? credentials = null) =>
        _stores.UpdateAsync(_db.TenantId, _db.StoreId, name, url, cron, schedulePaused: true, budget, credentials);

    private async Task AssertUnchangedAsync()
    {
        await using var check = _db.ForTenant();
        var store = await check.Stores.AsNoTracking().SingleAsync(s => s.Id == _db.StoreId);
        Assert.Equal(("bench", "http://127.0.0.1", ConnectedStore.DefaultSyncCron, false), (store.Name, store.BaseUrl, store.SyncCron, store.SchedulePaused));
        Assert.Equal(new StoreCredentials("k", "s").Fields, _db.Protector.Unprotect(store.ProtectedCredentials).Fields);
    }

    [Theory]
    [InlineData("", "Enter a schedule in cron syntax")]
    [InlineData("every hour", "'every hour' is not a schedule Nexus can read")]
    [InlineData("61 * * * *", "'61 * * * *' is not a schedule Nexus can read")]
    public async Task An_unreadable_schedule_is_refused_and_nothing_is_saved(string cron, string words)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Update(cron: cron));
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("   ", "A store needs a name.")]
    [InlineData("Shop\u0007", "The store name contains control characters; type it again.")]
    public async Task A_blank_name_or_one_with_control_characters_is_refused(string name, string message)
    {
        Assert.Equal(message, (await Assert.ThrowsAsync<ArgumentException>(() => Update(name: name))).Message);
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public async Task A_budget_outside_one_to_a_hundred_thousand_is_refused(int budget)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Update(budget: budget));
        Assert.Equal($"A request budget of {budget} per minute is not usable; use 1 to 100000; the platform's default suits most hosts.", error.Message);
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("", "The consumer key is empty; paste it from the store's admin.")]
    [InlineData("ck_abc def", "The consumer key contains spaces or line breaks; paste it again without them.")]
    [InlineData("ck_abc\n", "The consumer key contains spaces or line breaks; paste it again without them.")]
    public async Task Pasted_credentials_with_blanks_or_line_breaks_are_refused(string key, string message)
    {
        var credentials = new StoreCredentials(new Dictionary<string, string> { ["consumer_key"] = key, ["consumer_secret"] = "cs_ok" });
        Assert.Equal(message, (await Assert.ThrowsAsync<ArgumentException>(() => Update(credentials: credentials))).Message);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Moving_a_store_to_a_reserved_address_is_refused_naming_the_range()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Update(url: "https://203.0.113.9"));
        Assert.StartsWith("203.0.113.9 is a reserved address", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Enter the shop's public address (e.g. https://shop.example.com).", error.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_valid_edit_is_saved_trimmed_and_keeps_the_credentials_when_none_are_given()
    {
        await Update(name: "  Renamed shop ", url: PublicAddress + "/", cron: " 0 3 * * * ");

        await using var check = _db.ForTenant();
        var store = await check.Stores.AsNoTracking().SingleAsync(s => s.Id == _db.StoreId);
        Assert.Equal(("Renamed shop", PublicAddress, "0 3 * * *", true), (store.Name, store.BaseUrl, store.SyncCron, store.SchedulePaused));
        Assert.Equal(new StoreCredentials("k", "s").Fields, _db.Protector.Unprotect(store.ProtectedCredentials).Fields);
    }

    [Fact]
    public async Task Another_accounts_store_cannot_be_edited_or_deleted()
    {
        var stranger = Guid.NewGuid();
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            _stores.UpdateAsync(stranger, _db.StoreId, "Mine now", PublicAddress, "0 * * * *", false, 300, null));
        Assert.False(await _stores.DeleteAsync(stranger, _db.StoreId));
        Assert.False(await _stores.ExistsAsync(stranger, _db.StoreId));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_store_fed_by_uploads_keeps_having_no_address_when_edited()
    {
        var csv = await _stores.AddAsync(_db.TenantId, new NewStore("History", "csv", "", new StoreCredentials(new Dictionary<string, string>()), WithoutAddress: true));
        await _stores.UpdateAsync(_db.TenantId, csv.Id, "Old history", "  ", "0 * * * *", false, 300, null);

        var (store, _) = (await _stores.GetWithCredentialsAsync(_db.TenantId, csv.Id))!.Value;
        Assert.Equal(("Old history", ""), (store.Name, store.BaseUrl));
    }
}
