namespace Nexus.Core.Analytics.Rfm;

/// <summary>What to do about each segment (the table in docs/analytics.md); its name is <see cref="RfmSegmentMap.DisplayName"/>.</summary>
public static class RfmSegmentGuide
{
    public static string SuggestedAction(RfmSegment segment) => segment switch
    {
        RfmSegment.Champions => "Reward them: early access, ask for reviews and referrals; no discounts needed.",
        RfmSegment.LoyalCustomers => "Upsell higher-value products; invite to a loyalty programme.",
        RfmSegment.PotentialLoyalist => "Offer membership or loyalty perks; personalised recommendations.",
        RfmSegment.NewCustomers => "Onboard them: welcome series and a second-purchase incentive.",
        RfmSegment.Promising => "Build awareness: free trials or samples.",
        RfmSegment.NeedAttention => "Limited-time offers based on what they bought before.",
        RfmSegment.AboutToSleep => "Reactivate: popular products and a small discount.",
        RfmSegment.AtRisk => "Personalised win-back e-mails, renewals, helpful content.",
        RfmSegment.CantLoseThem => "Win them back with new products or a strong offer; ask what went wrong.",
        RfmSegment.Hibernating => "Cheap reminders of other categories; don't overspend.",
        RfmSegment.Lost => "Ignore, or one last low-cost campaign.",
        _ => "",
    };
}
