using Nexus.Core.Model;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Rules;

namespace Nexus.Tests.Quality;

public sealed class QualityEngineTests
{
    private readonly QualityEngine _engine = QualityEngine.Default;

    [Fact]
    public void Validation_runs_on_the_cleansed_record()
    {
        // Upper-case and padded: cleansing fixes it, so no e-mail rule fires and the stored record is lower-case.
        var verdict = _engine.Evaluate(RuleCases.GoodCustomer with { Email = "  ANA@EXAMPLE.COM " }, RuleCases.Context());
        Assert.Equal("ana@example.com", verdict.Record.Email);
        Assert.DoesNotContain(verdict.Issues, i => i.RuleId.StartsWith("customer.email", StringComparison.Ordinal));
        Assert.Contains(verdict.Cleansing, c => c.Field == "email");
    }

    [Fact]
    public void Warnings_and_non_quarantining_errors_keep_the_record_with_its_issues()
    {
        var broken = RuleCases.GoodOrder with { Total = RuleCases.Eur(52.64m), Status = OrderStatus.Unknown, RawStatus = "shipped" };
        var verdict = _engine.Evaluate(broken, RuleCases.Context());
        Assert.False(verdict.Quarantine);
        Assert.Equal(["order.status-known", "order.totals-add-up"], verdict.Issues.Select(i => i.RuleId).Order());
        Assert.All(verdict.Issues, i => Assert.Equal(QualitySeverity.Error, i.Severity));
    }

    [Fact]
    public void An_order_dated_in_the_future_is_quarantined_with_every_reason()
    {
        var broken = RuleCases.GoodOrder with { CreatedAt = RuleCases.Now.AddDays(200), PaidAt = null, CompletedAt = null, Total = RuleCases.Eur(1m) };
        var verdict = _engine.Evaluate(broken, RuleCases.Context());
        Assert.True(verdict.Quarantine);
        Assert.Contains(verdict.Issues, i => i is { RuleId: "order.created-not-future", Quarantines: true });
        Assert.Contains(verdict.Issues, i => i is { RuleId: "order.totals-add-up", Quarantines: false });
    }

    [Fact]
    public void A_date_within_a_day_of_now_is_clock_skew_not_the_future()
    {
        var order = RuleCases.GoodOrder with { CreatedAt = RuleCases.Now.AddHours(20), PaidAt = null, CompletedAt = null };
        Assert.False(_engine.Evaluate(order, RuleCases.Context()).Quarantine);
    }

    [Fact]
    public void A_currency_that_is_shaped_right_but_not_assigned_quarantines_the_order()
    {
        var verdict = _engine.Evaluate(RuleCases.GoodOrder with { Currency = "ABC" }, RuleCases.Context());
        Assert.True(verdict.Quarantine);
        Assert.Contains(verdict.Issues, i => i.RuleId == "order.currency-valid");
    }
}
