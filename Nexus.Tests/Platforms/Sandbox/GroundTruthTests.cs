using System.Text.RegularExpressions;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Tests.Platforms.Sandbox;

public class GroundTruthTests
{
    private static readonly Regex ValidEmail = new(@"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", RegexOptions.Compiled);

    [Fact]
    public void Defect_counts_match_configured_rates_within_binomial_tolerance()
    {
        var rates = DefectRates.Uniform(0.05).With(DefectKind.TotalsMismatch, 0.10).With(DefectKind.UnknownStatus, 0.01);
        var store = GenerationTests.Store(21, SizeProfile.Demo, rates);
        var counts = store.GroundTruth.CountsByKind();
        foreach (var kind in Enum.GetValues<DefectKind>())
        {
            var n = store.GroundTruth.RecordCount(DefectKinds.EntityOf(kind));
            // Kinds that yield to another kind on the same record (see DefectPlan) lose rate×rate of their share.
            var expected = n * rates[kind];
            var sigma = Math.Sqrt(n * rates[kind] * (1 - rates[kind]));
            counts.TryGetValue(kind, out var actual);
            Assert.True(Math.Abs(actual - expected) <= 4 * sigma + 1, $"{kind}: {actual} vs expected {expected:F0} (n={n})");
        }
    }

    [Fact]
    public void No_defects_when_rates_are_zero()
    {
        var store = GenerationTests.Store(21, SizeProfile.Small, DefectRates.None);
        Assert.Empty(store.GroundTruth.All());
        var s = store.Current;
        Assert.All(Enumerable.Range(1, store.CustomerCount), id => Assert.Matches(ValidEmail, store.Customer(s, id).Email));
        Assert.Equal(store.Products.Count, store.Products.Select(p => p.Sku).Distinct().Count());
        Assert.All(store.Products, p => Assert.True(p.RegularPrice > 0));
    }

    [Fact]
    public void Every_recorded_defect_is_visible_in_the_served_data()
    {
        var store = GenerationTests.Store(33, SizeProfile.Small, DefectRates.Uniform(0.04));
        var s = store.Current;
        var customers = Enumerable.Range(1, store.CustomerCount).ToDictionary(id => id, id => store.Customer(s, id));
        var productIds = store.Products.Select(p => p.Id).ToHashSet();
        string[] wooStatuses = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed"];

        foreach (var d in store.GroundTruth.All())
        {
            switch (d.Kind)
            {
                case DefectKind.InvalidEmail:
                    Assert.DoesNotMatch(ValidEmail, customers[d.Id].Email);
                    break;
                case DefectKind.DuplicateEmail:
                    Assert.Contains(customers.Values, c => c.Id < d.Id && c.Email == customers[d.Id].Email);
                    break;
                case DefectKind.MissingAddress:
                    Assert.Equal("", customers[d.Id].Billing.Address1 + customers[d.Id].Billing.City + customers[d.Id].Billing.Country);
                    break;
                case DefectKind.PartialAddress:
                    Assert.NotEqual("", customers[d.Id].Billing.Address1);
                    Assert.Equal("", customers[d.Id].Billing.City + customers[d.Id].Billing.Postcode);
                    break;
                case DefectKind.MalformedPhone:
                    Assert.DoesNotMatch(@"^\+?[0-9 ()\-]{7,20}$", customers[d.Id].Billing.Phone);
                    break;
                case DefectKind.ZeroOrNegativePrice:
                    Assert.True(store.FindProduct(d.Id)!.RegularPrice <= 0);
                    break;
                case DefectKind.DuplicateSku:
                    Assert.Contains(store.Products, p => p.Id < d.Id && p.Sku == store.FindProduct(d.Id)!.Sku);
                    break;
                default:
                    var o = store.FindOrder(s, d.Id)!;
                    var computed = o.LineItems.Sum(l => l.Total) + o.ShippingLine.Total + o.Fees.Sum(f => f.Total) + o.TotalTax;
                    Assert.True(d.Kind switch
                    {
                        DefectKind.TotalsMismatch => o.Total != computed,
                        DefectKind.FutureDate => o.CreatedUtc > s.NowUtc,
                        DefectKind.MissingDate => o.CreatedUtc is null,
                        DefectKind.OrphanLineItem => o.LineItems.Any(l => !productIds.Contains(l.ProductId)),
                        DefectKind.UnknownStatus => !wooStatuses.Contains(o.Status),
                        _ => false,
                    }, $"{d.Kind} not visible on order {d.Id}");
                    break;
            }
        }

        // And the reverse for orders: nothing outside the truth shows these problems.
        var truth = store.GroundTruth;
        for (var i = 0; i < s.OrderCount; i++)
        {
            var o = store.Order(s, i);
            Assert.Equal(truth.Has(SandboxEntity.Order, o.Id, DefectKind.MissingDate), o.CreatedUtc is null);
            Assert.Equal(truth.Has(SandboxEntity.Order, o.Id, DefectKind.UnknownStatus), !wooStatuses.Contains(o.Status));
            Assert.Equal(truth.Has(SandboxEntity.Order, o.Id, DefectKind.OrphanLineItem), o.LineItems.Any(l => !productIds.Contains(l.ProductId)));
        }
    }
}
