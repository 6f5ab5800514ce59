using Nexus.Core.Model;
using Nexus.Core.Platforms;

namespace Nexus.Core.Quality.Rules;

/// <summary>Every rule, by entity. Adding a rule is one class and one line here (and a row in docs/quality-rules.md).</summary>
public sealed class RuleCatalog
{
    public static RuleCatalog Default { get; } = new();

    public IReadOnlyList<QualityRule<Customer>> Customers { get; } =
    [
        new CustomerEmailPresent(), new CustomerEmailValid(), new CustomerEmailNotDisposable(), new CustomerEmailUnique(),
        new CustomerEmailDomainTypo(), new CustomerNamePresent(), new CustomerNameNotPlaceholder(), new CustomerAddressPresent(),
        new CustomerAddressComplete(), new CustomerCountryIso(), new CustomerPostcodeFormat(), new CustomerPhoneE164(),
        new CustomerCreatedNotFuture(), new CustomerModifiedAfterCreated(), new CustomerBillingEmailMatches(), new CustomerTextLength(),
    ];

    public IReadOnlyList<QualityRule<Product>> Products { get; } =
    [
        new ProductNamePresent(), new ProductSkuPresent(), new ProductSkuUnique(), new ProductPricePositive(), new ProductPricePresent(),
        new ProductPricePlausible(), new ProductSaleBelowRegular(), new ProductStockConsistent(), new ProductStockNotNegative(),
        new ProductHasCategory(), new ProductHasImage(), new ProductVariationsConsistent(), new ProductVariantPricesPositive(),
        new ProductTypeKnown(), new ProductStatusKnown(), new ProductCreatedNotFuture(), new ProductTextLength(),
    ];

    public IReadOnlyList<QualityRule<Order>> Orders { get; } =
    [
        new OrderTotalsAddUp(), new OrderCurrencyValid(), new OrderCurrencyConsistent(), new OrderCustomerKnown(), new OrderCreatedNotFuture(),
        new OrderDatesOrdered(), new OrderRefundsWithinTotal(), new OrderStatusKnown(), new OrderLineProductsKnown(), new OrderHasLines(),
        new OrderLineQuantityPositive(), new OrderLineDiscountSane(), new OrderTotalNotNegative(), new OrderShippingAddressPresent(),
        new OrderBillingEmailValid(), new OrderTextLength(),
    ];

    public IEnumerable<IQualityRule> All => Customers.Cast<IQualityRule>().Concat(Products).Concat(Orders);

    /// <summary>A rule by id, including the pseudo-rules for records the platform mapper could not map.</summary>
    public IQualityRule? Find(string id) => All.FirstOrDefault(r => r.Id == id) ?? MappingRule.For(id);

    public IEnumerable<IQualityRule> For(SyncEntity entity) => All.Where(r => r.Entity == entity);
}

/// <summary>
/// A record the platform mapper could not map (e.g. an order without a creation date) is quarantined before
/// Quality sees it; its mapping issues are recorded as "mapping.&lt;entity&gt;.&lt;rule&gt;" (e.g. "mapping.order.required")
/// so the report card counts them beside the rules' own findings.
/// </summary>
public sealed record MappingRule(string Id, SyncEntity Entity, QualitySeverity Severity, string Message, string FixHint, bool Quarantines) : IQualityRule
{
    public const string Prefix = "mapping.";

    public static string IdFor(SyncEntity entity, string mappingRule) => $"{Prefix}{Singular(entity)}.{mappingRule}";

    public static MappingRule? For(string id)
    {
        if (!id.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var entity = id.AsSpan(Prefix.Length) switch
        {
            var s when s.StartsWith("customer.") => SyncEntity.Customers,
            var s when s.StartsWith("product.") => SyncEntity.Products,
            _ => SyncEntity.Orders,
        };
        return new MappingRule(id, entity, QualitySeverity.Error, "The platform sent a record Nexus cannot read: {value}.",
            "Open the record in the store admin and fill in or correct the field named; it stays in quarantine until then.", true);
    }

    public static string Singular(SyncEntity entity) => entity switch
    {
        SyncEntity.Customers => "customer",
        SyncEntity.Products => "product",
        _ => "order",
    };
}
