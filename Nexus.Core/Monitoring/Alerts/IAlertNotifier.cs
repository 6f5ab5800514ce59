namespace Nexus.Core.Monitoring.Alerts;

public enum AlertChange { Opened, Resolved, Acknowledged }

/// <summary>Told about every alert change: pushes it to open pages and sends e-mail and webhooks (Nexus.Web).</summary>
public interface IAlertNotifier
{
    Task NotifyAsync(Alert alert, AlertChange change, CancellationToken cancellationToken);
}
