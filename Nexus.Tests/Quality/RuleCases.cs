using Nexus.Core.Model;
using Nexus.Core.Quality.Rules;

namespace Nexus.Tests.Quality;

/// <summary>A clean record per entity and, per rule, a way to break exactly that rule: the rule tests' shared data.</summary>
public static class RuleCases
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static QualityCheckContext Context()
    {
        var facts = new StoreFacts();
        facts.AddEmail("1", "taken@example.com");
        facts.AddEmail("42", "ana@example.com");
        facts.AddSku("1", "TAKEN-1");
        facts.AddSku("42", "SKU-42");
        facts.AddCustomer("42");
        facts.AddProduct("7");
        facts.AddProduct("8");
        return new QualityCheckContext(Now, facts);
    }

    public static Address GoodAddress => new()
    {
        FirstName = "Ana", LastName = "Müller", Line1 = "1 Hauptstraße", City = "Berlin", PostalCode = "10115", CountryCode = "DE",
        Email = "ana@example.com", Phone = "+4930123456",
    };

    public static Customer GoodCustomer => new()
    {
        PlatformId = "42", Email = "ana@example.com", FirstName = "Ana", LastName = "Müller", Phone = "+4930123456",
        Billing = GoodAddress, Shipping = GoodAddress, CreatedAt = Now.AddDays(-100), ModifiedAt = Now.AddDays(-1),
    };

    public static Product GoodProduct => new()
    {
        PlatformId = "42", Name = "Linen shirt", Sku = "SKU-42", Type = ProductType.Variable, RawType = "variable", Status = "publish",
        Price = Eur(19.99m), RegularPrice = Eur(24.99m), SalePrice = Eur(19.99m), ManageStock = true, StockQuantity = 5, StockStatus = StockStatus.InStock,
        Categories = [new ProductCategory("9", "Shirts", "shirts")], ImageUrls = ["https://shop.example/shirt.jpg"],
        Attributes = [new ProductAttribute("1", "Size", ["S", "M"], true, true)], VariantPlatformIds = ["500"],
        Variants = [new Variant { PlatformId = "500", ProductPlatformId = "42", Attributes = [new VariantAttribute("Size", "S")], RegularPrice = Eur(24.99m) }],
        CreatedAt = Now.AddDays(-300),
    };

    public static Order GoodOrder => new()
    {
        PlatformId = "1001", Number = "1001", CustomerPlatformId = "42", BillingEmail = "ana@example.com", Currency = "EUR",
        Status = OrderStatus.Completed, RawStatus = "completed",
        Subtotal = Eur(30m), DiscountTotal = Eur(0m), DiscountTax = Eur(0m), ShippingTotal = Eur(4.99m), ShippingTax = Eur(0.95m),
        TaxTotal = Eur(6.65m), Total = Eur(41.64m),
        CreatedAt = Now.AddDays(-10), PaidAt = Now.AddDays(-10).AddMinutes(5), CompletedAt = Now.AddDays(-8),
        Billing = GoodAddress, Shipping = GoodAddress,
        Lines = [Line("1", "7", 1, 10m), Line("2", "8", 2, 10m)],
        ShippingLines = [new ShippingLine { PlatformId = "9", MethodId = "flat_rate", Total = Eur(4.99m), TotalTax = Eur(0.95m) }],
        Refunds = [new Refund { PlatformId = "20000001", Amount = Eur(10m) }],
    };

    public static Money Eur(decimal amount) => new(amount, "EUR");

    public static OrderLine Line(string id, string? product, decimal quantity, decimal unit) => new()
    {
        PlatformId = id, ProductPlatformId = product, Quantity = quantity, UnitPrice = Eur(unit),
        Subtotal = Eur(unit * quantity), SubtotalTax = Eur(0m), Total = Eur(unit * quantity), TotalTax = Eur(0m),
    };

    private static readonly string Huge = new('x', 100_000);

    /// <summary>Per rule id: a change of the clean record that breaks that rule (nasty inputs where they fit).</summary>
    public static readonly IReadOnlyDictionary<string, Func<Customer, Customer>> CustomerBreakers = new Dictionary<string, Func<Customer, Customer>>
    {
        ["customer.email-present"] = c => c with { Email = null },
        ["customer.email-valid"] = c => c with { Email = "ana müller@exämple" },
        ["customer.email-not-disposable"] = c => c with { Email = "ana@mailinator.com" },
        ["customer.email-unique"] = c => c with { Email = "taken@example.com" },
        ["customer.email-domain-typo"] = c => c with { Email = "ana@gmial.com" },
        ["customer.name-present"] = c => c with { LastName = null },
        ["customer.name-not-placeholder"] = c => c with { FirstName = "test" },
        ["customer.address-present"] = c => c with { Billing = new Address { FirstName = "Ana", Phone = "+4930123456" } },
        ["customer.address-complete"] = c => c with { Billing = c.Billing! with { City = null, PostalCode = null } },
        ["customer.country-iso"] = c => c with { Billing = c.Billing! with { CountryCode = "Atlantis" } },
        ["customer.postcode-format"] = c => c with { Billing = c.Billing! with { PostalCode = "SW1A 1AA" } },
        ["customer.phone-e164"] = c => c with { Phone = "000-CALL-ME" },
        ["customer.created-not-future"] = c => c with { CreatedAt = Now.AddDays(30), ModifiedAt = Now.AddDays(31) },
        ["customer.modified-after-created"] = c => c with { ModifiedAt = c.CreatedAt!.Value.AddDays(-5) },
        ["customer.billing-email-matches"] = c => c with { Billing = c.Billing! with { Email = "other@example.com" } },
        ["customer.text-length"] = c => c with { FirstName = Huge }, // a 50 MB first_name was once stored as is
    };

    public static readonly IReadOnlyDictionary<string, Func<Product, Product>> ProductBreakers = new Dictionary<string, Func<Product, Product>>
    {
        ["product.name-present"] = p => p with { Name = "   " },
        ["product.sku-present"] = p => p with { Sku = null },
        ["product.sku-unique"] = p => p with { Sku = "TAKEN-1" },
        ["product.price-positive"] = p => p with { RegularPrice = Eur(-24.99m), SalePrice = null },
        ["product.price-present"] = p => p with { Type = ProductType.Simple, RawType = "simple", Price = null, RegularPrice = null, SalePrice = null, VariantPlatformIds = [], Variants = [] },
        ["product.price-plausible"] = p => p with { RegularPrice = Eur(79_228_162_514_264_337_593_543_950_335m), SalePrice = null },
        ["product.sale-below-regular"] = p => p with { SalePrice = Eur(30m) },
        ["product.stock-consistent"] = p => p with { StockQuantity = 0, StockStatus = StockStatus.InStock },
        ["product.stock-not-negative"] = p => p with { StockQuantity = -3, StockStatus = StockStatus.OutOfStock },
        ["product.has-category"] = p => p with { Categories = [] },
        ["product.has-image"] = p => p with { ImageUrls = [] },
        ["product.variations-consistent"] = p => p with { Variants = [p.Variants[0] with { Attributes = [new VariantAttribute("Farbe", "Grün")] }] },
        ["product.variant-price-positive"] = p => p with { Variants = [p.Variants[0] with { RegularPrice = Eur(0m) }] },
        ["product.type-known"] = p => p with { Type = ProductType.Unknown, RawType = "bundle" },
        ["product.status-known"] = p => p with { Status = "archived-🗄" },
        ["product.created-not-future"] = p => p with { CreatedAt = Now.AddYears(5) },
        ["product.text-length"] = p => p with { Name = Huge },
    };

    public static readonly IReadOnlyDictionary<string, Func<Order, Order>> OrderBreakers = new Dictionary<string, Func<Order, Order>>
    {
        ["order.totals-add-up"] = o => o with { Total = Eur(52.64m) },
        ["order.currency-valid"] = o => o with { Currency = "XYZ" },
        ["order.currency-consistent"] = o => o with { Total = new Money(41.64m, "USD") },
        ["order.customer-known"] = o => o with { CustomerPlatformId = "999999" },
        ["order.created-not-future"] = o => o with { CreatedAt = Now.AddDays(90), PaidAt = null, CompletedAt = null },
        ["order.dates-ordered"] = o => o with { CompletedAt = o.CreatedAt.AddDays(-1) },
        ["order.refunds-within-total"] = o => o with { Refunds = [.. o.Refunds, new Refund { PlatformId = "20000002", Amount = Eur(40m) }] },
        ["order.status-known"] = o => o with { Status = OrderStatus.Unknown, RawStatus = "shipped" },
        ["order.line-products-known"] = o => o with { Lines = [Line("1", "900001", 1, 10m), o.Lines[1]] },
        ["order.has-lines"] = o => o with { Lines = [], Total = Eur(11.64m) },
        ["order.line-quantity-positive"] = o => o with { Lines = [o.Lines[0] with { Quantity = -1 }, o.Lines[1]] },
        ["order.line-discount-sane"] = o => o with { Lines = [o.Lines[0] with { Subtotal = Eur(5m) }, o.Lines[1]] },
        ["order.total-not-negative"] = o => o with { Lines = [Line("1", "7", 1, -41.64m)], ShippingTotal = Eur(0m), TaxTotal = Eur(0m), Total = Eur(-41.64m), Refunds = [] },
        ["order.shipping-address-present"] = o => o with { Billing = null, Shipping = null },
        ["order.billing-email-valid"] = o => o with { BillingEmail = Huge + "@" },
        ["order.text-length"] = o => o with { Shipping = o.Shipping! with { Line1 = Huge } },
    };
}
