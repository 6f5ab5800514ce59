using Nexus.Core.Analytics.Metrics;
using Nexus.Web.Analytics;

namespace Nexus.Tests.Web.Analytics;

public sealed class FormatsTests
{
    [Fact]
    public void A_rate_change_is_in_percentage_points()
    {
        // Refund rate 3.9 % → 5.7 %: +1.8 pp (the relative change would read "+46.2 %").
        Assert.Equal("+1.8\u00A0pp", Formats.PointsDelta(OverviewReport.PointChange(0.057, 0.039)));
        Assert.Equal("−0.5\u00A0pp", Formats.PointsDelta(OverviewReport.PointChange(0.10, 0.105)));
        Assert.Equal("–", Formats.PointsDelta(OverviewReport.PointChange(null, 0.1)));
    }

    [Fact]
    public void Figures_and_their_units_never_wrap_apart()
    {
        Assert.Equal("1,348.86\u00A0EUR", Formats.Money(1348.86m, "EUR"));
        Assert.Equal("12.4\u00A0%", Formats.Percent(0.124));
        Assert.Equal("+46.2\u00A0%", Formats.Delta(0.462, false));
    }
}
