namespace Nexus.Core.Analytics.Lifetime;

/// <summary>The purchase-frequency models Nexus fits. Both take the same (r, α, a, b) parameters.</summary>
public enum PurchaseModelKind
{
    /// <summary>BG/NBD (Fader, Hardie &amp; Lee 2005): dropout only right after a repeat purchase, so a one-time buyer is always "alive".</summary>
    BgNbd,

    /// <summary>MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007): dropout also possible right after the first purchase.</summary>
    MbgNbd,
}

/// <summary>A fitted purchase-frequency model: probability a customer is still active and their expected purchases.</summary>
public interface IPurchaseModel
{
    PurchaseModelKind Kind { get; }

    BgNbdParameters Parameters { get; }

    /// <summary>P(alive | x, t_x, T).</summary>
    double ProbabilityAlive(int x, double tx, double T);

    /// <summary>E[Y(t) | x, t_x, T]: expected repeat purchases in the next <paramref name="t"/> time units.</summary>
    double ExpectedPurchases(double t, int x, double tx, double T);
}

public static class PurchaseModels
{
    public static string DisplayName(PurchaseModelKind kind) => kind switch
    {
        PurchaseModelKind.BgNbd => "BG/NBD",
        PurchaseModelKind.MbgNbd => "MBG/NBD",
        _ => kind.ToString(),
    };

    public static IPurchaseModel Fit(PurchaseModelKind kind, IReadOnlyList<CustomerSummary> customers, double l2Penalty = 0) => kind switch
    {
        PurchaseModelKind.BgNbd => BgNbdModel.Fit(customers, l2Penalty),
        PurchaseModelKind.MbgNbd => MbgNbdModel.Fit(customers, l2Penalty),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
