namespace Nexus.Core.Analytics.Rfm;

/// <summary>The named RFM segments (see docs/analytics.md for the score map and a suggested action per segment).</summary>
public enum RfmSegment
{
    /// <summary>Bought recently, buy often and spend the most.</summary>
    Champions,
    /// <summary>Buy often and spend well; responsive to promotions.</summary>
    LoyalCustomers,
    /// <summary>Recent customers with average frequency/spend.</summary>
    PotentialLoyalist,
    /// <summary>Bought very recently, but not often yet.</summary>
    NewCustomers,
    /// <summary>Fairly recent shoppers who have not bought much.</summary>
    Promising,
    /// <summary>Middling recency, frequency and spend.</summary>
    NeedAttention,
    /// <summary>Below-average recency and frequency; will be lost without reactivation.</summary>
    AboutToSleep,
    /// <summary>Used to buy often and spend well, but not for a long time.</summary>
    AtRisk,
    /// <summary>Were among the best (top frequency/spend) but have not returned for a long time.</summary>
    CantLoseThem,
    /// <summary>Last purchase long ago, few orders, low spend.</summary>
    Hibernating,
    /// <summary>Lowest recency, frequency and spend.</summary>
    Lost,
}
