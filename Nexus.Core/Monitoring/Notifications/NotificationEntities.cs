using Nexus.Core.Tenancy;

namespace Nexus.Core.Monitoring.Notifications;

/// <summary>An account's notification choices: alert e-mails, and the weekly digest (opt-in, weekday and hour in its time zone).</summary>
public sealed class NotificationSettings : ITenantOwned
{
    public Guid TenantId { get; set; }

    public bool EmailAlerts { get; set; } = true;

    /// <summary>Comma-separated addresses; empty means the account's users.</summary>
    public string? EmailRecipients { get; set; }

    public bool DigestEnabled { get; set; }

    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>Hour of day (0–23) in <see cref="TimeZoneId"/>.</summary>
    public int DigestHour { get; set; } = 8;

    public string TimeZoneId { get; set; } = "UTC";

    public DateTimeOffset? DigestLastSentAt { get; set; }
}

/// <summary>A merchant's webhook: where alert events are POSTed, signed with its own secret (stored encrypted).</summary>
public sealed class WebhookEndpoint : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public string Url { get; set; } = "";
    public string ProtectedSecret { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One event sent (or being sent) to one endpoint: the exact body, and how its attempts went. The delivery log.</summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public int EndpointId { get; set; }
    public long? AlertId { get; set; }
    public string Event { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

/// <summary>A weekly digest as it was sent, so the merchant can read past ones in the app.</summary>
public sealed class DigestRecord : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public DateOnly WeekStart { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public string Recipients { get; set; } = "";
    public string Subject { get; set; } = "";
    public string BodyText { get; set; } = "";
}
