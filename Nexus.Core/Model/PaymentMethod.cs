namespace Nexus.Core.Model;

/// <summary>How an order was paid: the gateway's code (e.g. "bacs"), its display title and the gateway's transaction id.</summary>
public sealed record PaymentMethod(string? Code, string? Title, string? TransactionId);
