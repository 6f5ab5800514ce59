using Nexus.Core.Stores;

namespace Nexus.Tests.Infrastructure;

/// <summary>Further stores for a <see cref="ScratchStoreDatabase"/>'s tenant (it comes with one).</summary>
internal static class TestStores
{
    /// <summary>Adds a store named <paramref name="name"/> on <paramref name="platform"/>; returns its id.</summary>
    public static async Task<int> AddAsync(ScratchStoreDatabase database, string name, string platform)
    {
        await using var db = database.CreateDbContext();
        var store = new ConnectedStore { TenantId = database.TenantId, Name = name, Platform = platform, ProtectedCredentials = database.Protector.Protect(new StoreCredentials("k", "s")) };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        return store.Id;
    }
}
