namespace Nexus.Core.Model;

/// <summary>Platform-neutral order lifecycle; the platform's own word is kept beside it as RawStatus.</summary>
public enum OrderStatus
{
    Unknown = 0,
    Pending,
    Processing,
    OnHold,
    Completed,
    Cancelled,
    Refunded,
    Failed,
    Draft,
}
