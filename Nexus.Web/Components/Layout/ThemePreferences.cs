using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;

namespace Nexus.Web.Components.Layout;

/// <summary>
/// Each user's light/dark choice, kept with their account (an Identity user claim) so it survives reloads, new
/// sessions and other browsers, and the first render already has the right colours.
/// </summary>
public sealed class ThemePreferences(IDbContextFactory<NexusDbContext> factory)
{
    public const string ClaimType = "nexus:dark-mode";

    public async Task<bool> IsDarkAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } id) return false;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.UserClaims.AnyAsync(c => c.UserId == id && c.ClaimType == ClaimType && c.ClaimValue == "true", cancellationToken);
    }

    public async Task SetDarkAsync(ClaimsPrincipal user, bool dark, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } id) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.UserClaims.Where(c => c.UserId == id && c.ClaimType == ClaimType).ToListAsync(cancellationToken);
        db.UserClaims.RemoveRange(existing);
        if (dark) db.UserClaims.Add(new IdentityUserClaim<string> { UserId = id, ClaimType = ClaimType, ClaimValue = "true" });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
