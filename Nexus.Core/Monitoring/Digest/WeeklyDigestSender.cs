using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nexus.Core.Monitoring.Notifications;
using Nexus.Core.Storage;

namespace Nexus.Core.Monitoring.Digest;

/// <summary>
/// Sends each opted-in account its weekly digest at the weekday and hour it chose (in its time zone), once per
/// week. Runs hourly as a job; a slot missed by more than a day (server down) is skipped rather than sent late.
/// </summary>
public sealed class WeeklyDigestSender(
    IDbContextFactory<NexusDbContext> dbFactory,
    WeeklyDigestBuilder builder,
    NotificationSettingsService settings,
    EmailSender email,
    TimeProvider clock,
    ILogger<WeeklyDigestSender> logger)
{
    /// <summary>The latest digest slot at or before <paramref name="now"/>, in UTC, and the local date it falls on.</summary>
    public static (DateTimeOffset SlotUtc, DateOnly LocalDay) LatestSlot(NotificationSettings s, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        day = day.AddDays(-(((int)day.DayOfWeek - (int)s.DigestDay + 7) % 7));
        DateTimeOffset SlotOn(DateOnly d)
        {
            var wall = d.ToDateTime(new TimeOnly(s.DigestHour, 0));
            return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        }
        var slot = SlotOn(day);
        if (slot > now)
        {
            day = day.AddDays(-7);
            slot = SlotOn(day);
        }
        return (slot.ToUniversalTime(), day);
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var opted = await db.NotificationSettings.IgnoreQueryFilters().AsNoTracking().Where(s => s.DigestEnabled).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var s in opted)
        {
            var (slot, localDay) = LatestSlot(s, now);
            if (now - slot > TimeSpan.FromDays(1) || s.DigestLastSentAt >= slot) continue;
            await SendAsync(s.TenantId, localDay.AddDays(-7), cancellationToken);
            sent++;
        }
        return sent;
    }

    /// <summary>Builds, e-mails and keeps one digest for the week starting <paramref name="weekStart"/>.</summary>
    public async Task<DigestRecord> SendAsync(Guid tenantId, DateOnly weekStart, CancellationToken cancellationToken = default)
    {
        var digest = await builder.BuildAsync(tenantId, weekStart, cancellationToken);
        var recipients = await settings.RecipientsAsync(tenantId, cancellationToken);
        var text = digest.ToText();
        if (email.IsConfigured && recipients.Count > 0)
        {
            await email.SendAsync(new EmailMessage(recipients, digest.Subject, text), cancellationToken);
        }
        else
        {
            logger.LogWarning("Weekly digest for tenant {TenantId} kept but not e-mailed: {Reason}", tenantId, email.IsConfigured ? "no recipients" : "SMTP is not configured");
        }
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var record = new DigestRecord
        {
            TenantId = tenantId, WeekStart = weekStart, SentAt = now, Subject = digest.Subject, BodyText = text,
            Recipients = email.IsConfigured ? string.Join(", ", recipients) : "",
        };
        db.Digests.Add(record);
        var stored = await db.NotificationSettings.FirstOrDefaultAsync(cancellationToken);
        if (stored is not null) stored.DigestLastSentAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>The account's past digests, newest first.</summary>
    public async Task<IReadOnlyList<DigestRecord>> HistoryAsync(Guid tenantId, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        return await db.Digests.AsNoTracking().OrderByDescending(d => d.SentAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
    }
}
