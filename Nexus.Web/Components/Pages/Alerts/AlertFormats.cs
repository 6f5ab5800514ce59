using System.Globalization;
using Nexus.Core.Monitoring.Alerts;

namespace Nexus.Web.Components.Pages.Alerts;

/// <summary>How alert times and states read on the pages.</summary>
public static class AlertFormats
{
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Status(Alert alert) =>
        alert.ResolvedAt is not null ? "Resolved" : alert.AcknowledgedAt is not null ? "Acknowledged" : "Open";
}
