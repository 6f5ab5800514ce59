using Nexus.Core.Quality.Rules;
using Nexus.Core.Quality.Scoring;

namespace Nexus.Tests.Quality;

public sealed class QualityWordingTests
{
    [Fact]
    public void A_rules_message_reads_without_its_template_placeholder()
    {
        var mapping = RuleCatalog.Default.Find("mapping.order.required")!;
        Assert.Contains("{value}", mapping.Message);
        var text = QualityWording.Describe(mapping, mapping.Id);
        Assert.Equal("The platform sent a record Nexus cannot read.", text);
        Assert.All(RuleCatalog.Default.All, r =>
        {
            var plain = QualityWording.Describe(r, r.Id);
            Assert.DoesNotContain("{value}", plain);
            Assert.DoesNotContain("..", plain);
            Assert.DoesNotContain(r.Id, plain);
        });
        Assert.Equal("no.such.rule", QualityWording.Describe(null, "no.such.rule"));
    }

    [Fact]
    public void Timestamps_read_as_dates_and_other_values_are_left_alone()
    {
        Assert.Equal("28 Feb 2027 06:58 UTC", QualityWording.Value("2027-02-28T06:58:45.0000000+00:00"));
        Assert.Equal("28 Feb 2027 04:58 UTC", QualityWording.Value("2027-02-28T06:58:45+02:00"));
        Assert.Equal("ana@@example", QualityWording.Value("ana@@example"));
        Assert.Null(QualityWording.Value(null));
    }

    [Fact]
    public void Quarantine_reasons_are_said_once_without_field_prefixes_and_rule_ids()
    {
        var stored = "billing.email: The e-mail is not valid. (order.billing-email-valid, value: a@@b)\n" +
                     "email: The e-mail is not valid. (order.billing-email-valid, value: a@@b)\n" +
                     "created_at: The order is dated in the future. (order.created-not-future, value: 2027-01-01)";
        Assert.Equal(["The e-mail is not valid.", "The order is dated in the future."], QualityWording.Reasons(stored));
    }
}
