using System.Text.Json;
using Microsoft.Extensions.Options;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Monitoring.Notifications;

namespace Nexus.Tests.Monitoring;

public sealed class NotificationTests
{
    private static Alert SampleAlert(Guid tenantId, int storeId) => new()
    {
        Id = 42, TenantId = tenantId, Kind = AlertKind.StoreUnreachable, StoreId = storeId, Key = Alert.KeyFor(AlertKind.StoreUnreachable, storeId),
        Severity = AlertSeverity.Critical, Title = "Shop cannot be reached", Detail = "Nexus has not reached Shop for 45 minutes.",
        OpenedAt = MonitoringHarness.Start, LastSeenAt = MonitoringHarness.Start,
    };

    [Fact]
    public async Task An_alert_email_reaches_the_smtp_server_with_subject_recipient_and_details()
    {
        await using var smtp = new InProcessSmtpServer();
        var sender = new EmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None, From = "Nexus <alerts@nexus.test>" }));
        Assert.Null(await sender.CheckAsync());

        await sender.SendAsync(AlertEmail.Compose(SampleAlert(Guid.NewGuid(), 3), AlertChange.Opened, ["merchant@shop.test"]));

        var mail = await smtp.WaitForMessageAsync(m => m.Subject.Contains("Shop cannot be reached"), TimeSpan.FromSeconds(10));
        Assert.Equal("[Nexus] Shop cannot be reached", mail.Subject);
        Assert.Equal("merchant@shop.test", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("alerts@nexus.test", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Contains("45 minutes", mail.TextBody);
    }

    [Fact]
    public async Task An_unreachable_smtp_server_is_reported_with_the_reason()
    {
        var sender = new EmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = InProcessSmtpServer.FreePort(), Security = SmtpSecurity.None, From = "a@b.test", Timeout = TimeSpan.FromSeconds(3) }));
        Assert.NotNull(await sender.CheckAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new EmailMessage(["x@y.test"], "s", "t")));
    }

    [Fact]
    public void Smtp_settings_without_a_sender_are_refused_with_the_setting_named()
    {
        var errors = new SmtpOptions { Host = "smtp.example.com" }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())).ToList();
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Nexus:Smtp:From"));
        Assert.Empty(new SmtpOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())));
    }

    [Fact]
    public async Task A_webhook_is_signed_with_the_endpoint_secret_and_a_failed_delivery_is_retried_until_it_lands()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhooks = new WebhookService(h.Db, h.Protection, new SimpleHttpClientFactory(), h.Clock);
        var (endpoint, secret) = await webhooks.AddAsync(h.TenantId, receiver.Url.ToString());
        Assert.StartsWith("whsec_", secret);

        // The secret is stored encrypted, never as typed.
        await using (var db = h.Db.CreateDbContext())
        {
            Assert.DoesNotContain(secret, db.WebhookEndpoints.IgnoreQueryFiltersList().Single(e => e.Id == endpoint.Id).ProtectedSecret);
        }

        var delivery = Assert.Single(await webhooks.QueueAsync(SampleAlert(h.TenantId, h.StoreId), AlertChange.Opened));
        receiver.Status = 500;
        var failure = await Assert.ThrowsAsync<WebhookDeliveryFailedException>(() => webhooks.AttemptAsync(delivery));
        Assert.Contains("500", failure.Message);
        var log = Assert.Single(await webhooks.DeliveriesAsync(h.TenantId));
        Assert.Equal((1, 500, (DateTimeOffset?)null), (log.Attempts, log.LastStatusCode, log.DeliveredAt));

        receiver.Status = 204;
        await webhooks.AttemptAsync(delivery);
        log = Assert.Single(await webhooks.DeliveriesAsync(h.TenantId));
        Assert.Equal(2, log.Attempts);
        Assert.NotNull(log.DeliveredAt);

        Assert.Equal(2, receiver.Requests.Count);
        foreach (var request in receiver.Requests)
        {
            Assert.True(WebhookSignature.IsValid(secret, request.Body, request.Signature), $"bad signature {request.Signature}");
            Assert.False(WebhookSignature.IsValid("whsec_wrong", request.Body, request.Signature));
            Assert.Equal("alert.opened", request.Event);
            using var json = JsonDocument.Parse(request.Body);
            Assert.Equal("alert.opened", json.RootElement.GetProperty("event").GetString());
            Assert.Equal("Shop cannot be reached", json.RootElement.GetProperty("alert").GetProperty("title").GetString());
        }
        // Both attempts sent the same bytes, so a receiver can deduplicate on X-Nexus-Delivery.
        Assert.Equal(receiver.Requests.First().Body, receiver.Requests.Last().Body);
    }

    [Fact]
    public async Task Webhooks_and_their_log_belong_to_one_account()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        var (other, _) = await h.AddTenantAsync("other");
        var webhooks = new WebhookService(h.Db, h.Protection, new SimpleHttpClientFactory(), h.Clock);
        var (mine, _) = await webhooks.AddAsync(h.TenantId, "http://127.0.0.1:9/hook");
        await webhooks.QueueAsync(SampleAlert(h.TenantId, h.StoreId), AlertChange.Opened);

        Assert.Empty(await webhooks.ListAsync(other));
        Assert.Empty(await webhooks.DeliveriesAsync(other));
        Assert.False(await webhooks.DeleteAsync(other, mine.Id));
        Assert.Empty(await webhooks.QueueAsync(SampleAlert(other, 1), AlertChange.Opened));
        Assert.Single(await webhooks.ListAsync(h.TenantId));
        await Assert.ThrowsAsync<ArgumentException>(() => webhooks.AddAsync(h.TenantId, "ftp://nope"));
    }
}

internal static class QueryHelpers
{
    public static List<WebhookEndpoint> IgnoreQueryFiltersList(this Microsoft.EntityFrameworkCore.DbSet<WebhookEndpoint> set) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(set).ToList();
}
