using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;

namespace Nexus.Web.Sync;

/// <summary>
/// <c>/hubs/sync</c>: pushes sync progress to one group per store. A client asks to <see cref="Watch"/> a store and
/// is only admitted when the store belongs to its tenant, so one merchant never sees another's syncs.
/// </summary>
[Authorize]
public sealed class SyncHub(IDbContextFactory<NexusDbContext> dbFactory) : Hub
{
    public const string Path = "/hubs/sync";
    public const string ProgressMethod = "progress";

    public static string GroupName(int storeId) => $"store-{storeId}";

    public async Task Watch(int storeId)
    {
        if (Context.User.FindTenantId() is not { } tenantId)
        {
            throw new HubException("Sign in again: your session has no account.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(Context.ConnectionAborted);
        db.TenantId = tenantId;
        if (!await db.Stores.AnyAsync(s => s.Id == storeId, Context.ConnectionAborted))
        {
            throw new HubException("You can only watch the syncs of your own stores.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(storeId), Context.ConnectionAborted);
    }

    public Task Unwatch(int storeId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(storeId));
}
