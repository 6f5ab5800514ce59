using System.Globalization;
using Nexus.Core.Monitoring.Alerts;

namespace Nexus.Core.Monitoring.Notifications;

/// <summary>The e-mail for one alert event: subject says what happened, the body what to do.</summary>
public static class AlertEmail
{
    public static EmailMessage Compose(Alert alert, AlertChange change, IReadOnlyList<string> to)
    {
        var opened = change == AlertChange.Opened;
        var subject = opened ? $"[Nexus] {alert.Title}" : $"[Nexus] Resolved: {alert.Title}";
        var when = (opened ? alert.OpenedAt : alert.ResolvedAt ?? alert.LastSeenAt).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var text = opened
            ? $"{alert.Title}\n\n{alert.Detail}\n\nOpened {when}. Nexus tells you again when it clears. See every alert on the Alerts page."
            : $"{alert.Title}\n\nThis has cleared ({when}); nothing more to do.";
        return new EmailMessage(to, subject, text);
    }
}
