using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Model;
using Nexus.Core.Monitoring.Digest;
using Nexus.Core.Monitoring.Notifications;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Tests.Monitoring;

public sealed class DigestTests
{
    [Theory]
    [InlineData("2026-11-30T09:00:00Z", DayOfWeek.Monday, 8, "UTC", "2026-11-30T08:00:00Z")]
    [InlineData("2026-11-30T07:59:00Z", DayOfWeek.Monday, 8, "UTC", "2026-11-23T08:00:00Z")]
    [InlineData("2026-12-02T12:00:00Z", DayOfWeek.Monday, 8, "Europe/Berlin", "2026-11-30T07:00:00Z")]
    [InlineData("2026-11-29T23:30:00Z", DayOfWeek.Monday, 0, "Europe/Berlin", "2026-11-29T23:00:00Z")]
    public void The_latest_slot_is_the_chosen_weekday_and_hour_in_the_accounts_time_zone(string now, DayOfWeek day, int hour, string zone, string expected)
    {
        var (slot, _) = WeeklyDigestSender.LatestSlot(new NotificationSettings { DigestDay = day, DigestHour = hour, TimeZoneId = zone }, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), slot);
    }

    private static string OrderPayload(DateTimeOffset at, params (string Id, string Name, decimal Total)[] lines)
    {
        var eur = (decimal v) => new Money(v, "EUR");
        var total = lines.Sum(l => l.Total);
        var order = new Order
        {
            PlatformId = Guid.NewGuid().ToString("N"), Number = "1", Currency = "EUR", Status = OrderStatus.Completed, RawStatus = "completed",
            Subtotal = eur(total), DiscountTotal = eur(0), DiscountTax = eur(0), ShippingTotal = eur(0), ShippingTax = eur(0), TaxTotal = eur(0), Total = eur(total), CreatedAt = at,
            Lines = lines.Select(l => new OrderLine { PlatformId = l.Id + "-line", ProductPlatformId = l.Id, Name = l.Name, Quantity = 1, UnitPrice = eur(l.Total), Subtotal = eur(l.Total), SubtotalTax = eur(0), Total = eur(l.Total), TotalTax = eur(0) }).ToList(),
        };
        return JsonSerializer.Serialize(order, RecordUpserter.PayloadJson);
    }

    [Fact]
    public async Task A_due_digest_is_mailed_once_with_kpis_movers_and_open_alerts_and_kept_for_its_account_only()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        await using var smtp = new InProcessSmtpServer();
        var (other, _) = await h.AddTenantAsync("other");
        // Week of Mon 23 Nov (the digest's week) against the week of 16 Nov.
        var lastWeek = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var weekBefore = lastWeek.AddDays(-7);
        await h.AddOrderAsync(lastWeek, 300m, OrderPayload(lastWeek, ("p1", "Blue mug", 250m), ("p2", "Tea", 50m)));
        await h.AddOrderAsync(weekBefore, 100m, OrderPayload(weekBefore, ("p1", "Blue mug", 20m), ("p2", "Tea", 80m)));
        for (var i = 0; i < 3; i++) await h.AddRunAsync(SyncRunStatus.Failed, "down");
        await h.EvaluateAsync();

        var email = new EmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None, From = "nexus@nexus.test" }));
        var settings = new NotificationSettingsService(h.Db);
        var sender = new WeeklyDigestSender(h.Db, new WeeklyDigestBuilder(h.Db, new OverviewQuery(h.Db)), settings, email, h.Clock, NullLogger<WeeklyDigestSender>.Instance);
        await settings.SaveAsync(h.TenantId, new NotificationSettings { DigestEnabled = true, DigestDay = DayOfWeek.Monday, DigestHour = 8, TimeZoneId = "UTC", EmailRecipients = "owner@shop.test" });

        Assert.Equal(1, await sender.SendDueAsync());   // Monday 09:03, the 08:00 slot has passed
        Assert.Equal(0, await sender.SendDueAsync());   // once per week

        var mail = await smtp.WaitForMessageAsync(_ => true, TimeSpan.FromSeconds(10));
        Assert.Equal("owner@shop.test", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("300 EUR revenue", mail.Subject);
        Assert.Contains("Revenue        300 EUR, week before 100 EUR (+200 %)", mail.TextBody);
        Assert.Contains("+230 EUR  Blue mug (250 vs 20)", mail.TextBody);
        Assert.Contains("-30 EUR  Tea (50 vs 80)", mail.TextBody);
        Assert.Contains("Open alerts (1):", mail.TextBody);

        var kept = Assert.Single(await sender.HistoryAsync(h.TenantId));
        Assert.Equal(new DateOnly(2026, 11, 23), kept.WeekStart);
        Assert.Empty(await sender.HistoryAsync(other));
        Assert.False((await settings.GetAsync(other)).DigestEnabled);
    }

    [Fact]
    public async Task Bad_digest_settings_are_refused()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        var settings = new NotificationSettingsService(h.Db);
        await Assert.ThrowsAsync<ArgumentException>(() => settings.SaveAsync(h.TenantId, new NotificationSettings { DigestHour = 24 }));
        await Assert.ThrowsAsync<ArgumentException>(() => settings.SaveAsync(h.TenantId, new NotificationSettings { TimeZoneId = "Mars/Olympus" }));
        await Assert.ThrowsAsync<ArgumentException>(() => settings.SaveAsync(h.TenantId, new NotificationSettings { EmailRecipients = "not-an-address" }));
    }
}
