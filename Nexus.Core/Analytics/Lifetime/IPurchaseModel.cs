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

    /// <summary>
    /// P(at least one purchase in the next <paramref name="t"/> time units | x, t_x, T). Both models drop customers out
    /// only right after a purchase, so a customer alive at T buys within t with probability 1 − E[e^(−λt)], and λ given
    /// the history is Gamma(r + x, α + T): the expectation is ((α + T)/(α + T + t))^(r + x). Unlike P(alive) this is small
    /// for a one-time buyer silent for years under BG/NBD too (their P(alive) is 1 by that model's construction, but their
    /// purchase rate is tiny), so it is the figure that agrees with recency-based segments.
    /// </summary>
    public static double ProbabilityOfPurchase(IPurchaseModel model, double t, int x, double tx, double T)
    {
        ArgumentNullException.ThrowIfNull(model);
        var p = model.Parameters;
        return model.ProbabilityAlive(x, tx, T) * -double.ExpM1((p.R + x) * Math.Log((p.Alpha + T) / (p.Alpha + T + t)));
    }

    public static IPurchaseModel Fit(PurchaseModelKind kind, IReadOnlyList<CustomerSummary> customers, double l2Penalty = 0) => kind switch
    {
        PurchaseModelKind.BgNbd => BgNbdModel.Fit(customers, l2Penalty),
        PurchaseModelKind.MbgNbd => MbgNbdModel.Fit(customers, l2Penalty),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
