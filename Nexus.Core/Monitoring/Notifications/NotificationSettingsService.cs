using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Tenancy;

namespace Nexus.Core.Monitoring.Notifications;

/// <summary>An account's notification settings and who its e-mails go to. Every call names the tenant.</summary>
public sealed class NotificationSettingsService(IDbContextFactory<NexusDbContext> dbFactory)
{
    public async Task<NotificationSettings> GetAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        return await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new NotificationSettings { TenantId = tenantId };
    }

    /// <summary>Saves the settings; refuses bad addresses, hours or time zones with what to type instead.</summary>
    public async Task SaveAsync(Guid tenantId, NotificationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var address in SplitRecipients(settings.EmailRecipients))
        {
            if (!MailAddress.TryCreate(address, out _)) throw new ArgumentException($"'{address}' is not an e-mail address.", nameof(settings));
        }
        if (settings.DigestHour is < 0 or > 23) throw new ArgumentException("The digest hour must be 0 to 23.", nameof(settings));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId, out _)) throw new ArgumentException($"'{settings.TimeZoneId}' is not a time zone Nexus knows; use e.g. Europe/Berlin or UTC.", nameof(settings));

        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        var stored = await db.NotificationSettings.FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            stored = new NotificationSettings { TenantId = tenantId };
            db.NotificationSettings.Add(stored);
        }
        stored.EmailAlerts = settings.EmailAlerts;
        stored.EmailRecipients = string.Join(", ", SplitRecipients(settings.EmailRecipients));
        stored.DigestEnabled = settings.DigestEnabled;
        stored.DigestDay = settings.DigestDay;
        stored.DigestHour = settings.DigestHour;
        stored.TimeZoneId = settings.TimeZoneId;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The configured addresses, or else every user of the account.</summary>
    public async Task<IReadOnlyList<string>> RecipientsAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        var settings = await GetAsync(tenantId, cancellationToken);
        var configured = SplitRecipients(settings.EmailRecipients);
        if (configured.Count > 0) return configured;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId && u.Email != null).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(cancellationToken);
    }

    public static IReadOnlyList<string> SplitRecipients(string? recipients) =>
        (recipients ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

}
