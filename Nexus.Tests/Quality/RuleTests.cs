using Nexus.Core.Model;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Rules;

namespace Nexus.Tests.Quality;

/// <summary>Every rule passes on a clean record and fails on a record broken in exactly its way; the catalogue has a case for each rule.</summary>
public sealed class RuleTests
{
    public static TheoryData<string> CustomerRules => [.. RuleCatalog.Default.Customers.Select(r => r.Id)];
    public static TheoryData<string> ProductRules => [.. RuleCatalog.Default.Products.Select(r => r.Id)];
    public static TheoryData<string> OrderRules => [.. RuleCatalog.Default.Orders.Select(r => r.Id)];

    [Fact]
    public void Every_entity_has_at_least_13_rules_with_unique_ids_messages_and_fix_hints()
    {
        var catalog = RuleCatalog.Default;
        Assert.True(catalog.Customers.Count >= 13 && catalog.Products.Count >= 13 && catalog.Orders.Count >= 13);
        Assert.Equal(catalog.All.Count(), catalog.All.Select(r => r.Id).Distinct().Count());
        Assert.All(catalog.All, r => Assert.Matches(@"^(customer|product|order)\.[a-z0-9-]+$", r.Id));
        Assert.All(catalog.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Message) || string.IsNullOrWhiteSpace(r.FixHint)));
        Assert.All(catalog.All, r => Assert.True(!r.Quarantines || r.Severity == QualitySeverity.Error, $"{r.Id} quarantines without being an error"));
    }

    [Fact]
    public void Every_rule_is_documented_in_quality_rules_md()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "quality-rules.md"));
        Assert.All(RuleCatalog.Default.All, r => Assert.Contains($"`{r.Id}`", docs));
    }

    [Theory, MemberData(nameof(CustomerRules))]
    public void Customer_rule_passes_clean_and_fails_broken(string id) =>
        PassesAndFails(RuleCatalog.Default.Customers.Single(r => r.Id == id), RuleCases.GoodCustomer, RuleCases.CustomerBreakers[id]);

    [Theory, MemberData(nameof(ProductRules))]
    public void Product_rule_passes_clean_and_fails_broken(string id) =>
        PassesAndFails(RuleCatalog.Default.Products.Single(r => r.Id == id), RuleCases.GoodProduct, RuleCases.ProductBreakers[id]);

    [Theory, MemberData(nameof(OrderRules))]
    public void Order_rule_passes_clean_and_fails_broken(string id) =>
        PassesAndFails(RuleCatalog.Default.Orders.Single(r => r.Id == id), RuleCases.GoodOrder, RuleCases.OrderBreakers[id]);

    [Fact]
    public void A_clean_record_of_each_entity_raises_no_issue_at_all()
    {
        var ctx = RuleCases.Context();
        Assert.Empty(QualityEngine.Default.Evaluate(RuleCases.GoodCustomer, ctx).Issues);
        Assert.Empty(QualityEngine.Default.Evaluate(RuleCases.GoodProduct, ctx).Issues);
        Assert.Empty(QualityEngine.Default.Evaluate(RuleCases.GoodOrder, ctx).Issues);
    }

    [Theory]
    [InlineData("ana@example.com", true)]
    [InlineData("josé.garcía@correo.es", true)]          // Unicode local part (SMTPUTF8)
    [InlineData("user@bücher.de", true)]                  // internationalised domain
    [InlineData("o'brien+news@example.co.uk", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("ana.example.com", false)]
    [InlineData("ana@@example.com", false)]
    [InlineData("ana x@example.com", false)]
    [InlineData("ana@example", false)]
    [InlineData("ana@example.c0m", false)]
    [InlineData(".ana@example.com", false)]
    [InlineData("ana..b@example.com", false)]
    [InlineData("ana@-example.com", false)]
    [InlineData("ana@example.com\u0000", false)]
    [InlineData("👍@example.com", true)]
    public void Email_syntax(string email, bool valid) => Assert.Equal(valid, EmailAddress.IsValid(email));

    [Fact]
    public void Huge_values_are_cut_in_messages_and_stored_values()
    {
        var huge = new string('é', 1_000_000);
        var verdict = QualityEngine.Default.Evaluate(RuleCases.GoodCustomer with { Email = huge }, RuleCases.Context());
        var issue = Assert.Single(verdict.Issues, i => i.RuleId == "customer.email-valid");
        Assert.True(issue.Value!.Length <= 201);
        Assert.True(issue.Message.Length < 300);
    }

    [Fact]
    public void Without_store_facts_the_cross_record_rules_do_not_guess()
    {
        var context = new QualityCheckContext(RuleCases.Now, StoreFacts.None);
        var order = RuleCases.OrderBreakers["order.customer-known"](RuleCases.GoodOrder);
        Assert.DoesNotContain(QualityEngine.Default.Evaluate(order, context).Issues, i => i.RuleId is "order.customer-known" or "order.line-products-known");
    }

    [Fact]
    public void The_earliest_record_owns_a_shared_email_so_only_later_ones_are_duplicates()
    {
        var facts = new StoreFacts();
        facts.AddEmail("10", "a@example.com");
        facts.AddEmail("9", "a@example.com");   // numeric order, not text order: 9 < 10
        facts.AddEmail("guest:a", "a@example.com");
        Assert.False(facts.IsDuplicateEmail("9", "a@example.com"));
        Assert.True(facts.IsDuplicateEmail("10", "a@example.com"));
        Assert.True(facts.IsDuplicateEmail("guest:a", "a@example.com"));
    }

    private static void PassesAndFails<T>(QualityRule<T> rule, T good, Func<T, T> breaker)
    {
        var ctx = RuleCases.Context();
        Assert.Null(rule.Check(good, ctx));
        var finding = rule.Check(breaker(good), ctx);
        Assert.NotNull(finding);
        Assert.False(string.IsNullOrEmpty(finding.Value.Field));
        // The breaker must break this rule and not be caught only by others: the rule's own finding is what counts.
        Assert.DoesNotContain("{value}", rule.Describe(finding.Value));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nexus.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Nexus.sln not found above the test output folder.");
    }
}
