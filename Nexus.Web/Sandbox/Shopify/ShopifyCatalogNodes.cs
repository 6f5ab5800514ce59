using GraphQL;
using Nexus.Core.Platforms.Sandbox.Generation;
using static Nexus.Web.Sandbox.Shopify.ShopifyFormat;

namespace Nexus.Web.Sandbox.Shopify;

internal sealed class MailingAddressNode(SandboxAddress a, long id) : IShopifyNode
{
    private static readonly HashSet<string> CountryCodes = ShopifyAdminSchema.EnumValues("CountryCode");

    /// <summary>Null when every part is blank (the MissingAddress defect, or a virtual-goods order).</summary>
    public static MailingAddressNode? Of(SandboxAddress a, long id) =>
        a with { Email = "", Phone = "" } == SandboxAddress.Empty ? null : new MailingAddressNode(a, id);

    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "id" => Gid("MailingAddress", id) + "?model_name=CustomerAddress",
        "firstName" => OrderNode.NullIfEmpty(a.FirstName),
        "lastName" => OrderNode.NullIfEmpty(a.LastName),
        "name" => OrderNode.NullIfEmpty($"{a.FirstName} {a.LastName}".Trim()),
        "company" => OrderNode.NullIfEmpty(a.Company),
        "address1" => OrderNode.NullIfEmpty(a.Address1),
        "address2" => OrderNode.NullIfEmpty(a.Address2),
        "city" => OrderNode.NullIfEmpty(a.City),
        "province" or "provinceCode" => OrderNode.NullIfEmpty(a.State),
        "zip" => OrderNode.NullIfEmpty(a.Postcode),
        "country" => OrderNode.NullIfEmpty(a.Country),
        "countryCodeV2" => CountryCodes.Contains(a.Country) ? a.Country : null,
        "phone" => OrderNode.NullIfEmpty(a.Phone),
        _ => null,
    };
}

/// <summary>A generated customer as Shopify's <c>Customer</c>: billing is the default address, shipping a second one.</summary>
internal sealed class CustomerNode(SandboxCustomer c, ShopifyRequest request) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "id" => Gid("Customer", c.Id),
        "legacyResourceId" => Legacy(c.Id),
        "firstName" => OrderNode.NullIfEmpty(c.FirstName),
        "lastName" => OrderNode.NullIfEmpty(c.LastName),
        "displayName" => $"{c.FirstName} {c.LastName}".Trim(),
        "email" => OrderNode.NullIfEmpty(c.Email),
        "phone" => OrderNode.NullIfEmpty(c.Billing.Phone),
        "defaultEmailAddress" => c.Email.Length == 0 ? null : new Fields(new Dictionary<string, object?>
        {
            ["emailAddress"] = c.Email,
            ["marketingState"] = c.Id % 3 == 0 ? "SUBSCRIBED" : "NOT_SUBSCRIBED",
        }),
        "defaultPhoneNumber" => c.Billing.Phone.Length == 0 ? null : new Fields(new Dictionary<string, object?> { ["phoneNumber"] = c.Billing.Phone }),
        "defaultAddress" => MailingAddressNode.Of(c.Billing, c.Id * 4L),
        "addresses" => Addresses().Take(context.GetArgument<int?>("first") ?? int.MaxValue).ToArray(),
        "createdAt" => Time(c.CreatedUtc),
        "updatedAt" => Time(c.ModifiedUtc),
        "state" => "ENABLED",
        "numberOfOrders" => c.IsPayingCustomer ? "1" : "0",
        "amountSpent" => new MoneyV2(0m, request.Currency),
        "verifiedEmail" => true,
        "tags" => Array.Empty<string>(),
        "note" => null,
        _ => null,
    };

    private IEnumerable<IShopifyNode> Addresses()
    {
        if (MailingAddressNode.Of(c.Billing, c.Id * 4L) is { } billing) yield return billing;
        if (c.Shipping with { Email = "", Phone = "" } != c.Billing with { Email = "", Phone = "" } && MailingAddressNode.Of(c.Shipping, c.Id * 4L + 3) is { } shipping)
            yield return shipping;
    }
}

/// <summary>A generated product as Shopify's <c>Product</c>; a simple product has Shopify's single "Default Title" variant.</summary>
internal sealed class ProductNode(SandboxProduct p, ShopifyRequest request) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "id" => Gid("Product", p.Id),
        "legacyResourceId" => Legacy(p.Id),
        "title" => p.Name,
        "handle" => p.Slug,
        "status" => "ACTIVE",
        "productType" => p.Categories.FirstOrDefault()?.Name ?? "",
        "vendor" => "Nexus Sandbox",
        "tags" => p.Categories.Select(c => c.Slug).ToArray(),
        "createdAt" => Time(p.CreatedUtc),
        "updatedAt" => Time(p.ModifiedUtc),
        "onlineStoreUrl" => $"{request.SiteRoot}/products/{p.Slug}",
        "totalInventory" => p.IsVariable ? p.Variations.Sum(v => v.StockQuantity ?? 0) : p.StockQuantity ?? 0,
        "tracksInventory" => p.IsVariable ? p.Variations.Any(v => v.StockQuantity is not null) : p.StockQuantity is not null,
        "hasOnlyDefaultVariant" => !p.IsVariable,
        "options" => Options().Take(context.GetArgument<int?>("first") ?? int.MaxValue).ToArray(),
        "variants" => Connection.OfList(Variants(), v => ParseGid((string)v.Resolve("id", context)!, "ProductVariant") ?? 0, v => v, context),
        "variantsCount" => new Count(p.IsVariable ? p.Variations.Count : 1, 10_000),
        _ => null,
    };

    private IShopifyNode[] Options() => p.IsVariable
        ? p.Attributes.Select((a, k) => (IShopifyNode)new Fields(new Dictionary<string, object?>
        {
            ["id"] = Gid("ProductOption", p.Id * 8L + k), ["name"] = a.Name, ["position"] = k + 1, ["values"] = a.Options.ToArray(),
        })).ToArray()
        : [new Fields(new Dictionary<string, object?> { ["id"] = Gid("ProductOption", p.Id * 8L), ["name"] = "Title", ["position"] = 1, ["values"] = new[] { "Default Title" } })];

    private IReadOnlyList<IShopifyNode> Variants() => p.IsVariable
        ? p.Variations.Select(v => VariantOf(p, v, request)).ToArray()
        : [VariantOf(p, null, request)];

    public static IShopifyNode VariantOf(SandboxProduct p, SandboxVariation? v, ShopifyRequest request)
    {
        var id = v?.Id ?? DefaultVariantIdBase + p.Id;
        var title = v is null ? "Default Title" : v.NameSuffix[3..];
        var sku = v?.Sku ?? p.Sku;
        var stock = v is null ? p.StockQuantity : v.StockQuantity;
        var sale = v is null ? p.SalePrice : v.SalePrice;
        var regular = v?.RegularPrice ?? p.RegularPrice;
        var cost = v is null ? p.UnitCost : v.UnitCost;
        return new Fields(new Dictionary<string, object?>
        {
            ["id"] = Gid("ProductVariant", id),
            ["legacyResourceId"] = Legacy(id),
            ["title"] = title,
            ["displayName"] = $"{p.Name} - {title}",
            ["sku"] = OrderNode.NullIfEmpty(sku),
            ["price"] = Amount(sale ?? regular),
            ["compareAtPrice"] = sale is null ? null : Amount(regular),
            ["inventoryQuantity"] = stock,
            ["availableForSale"] = stock is null or > 0,
            ["selectedOptions"] = v is null
                ? new IShopifyNode[] { new Fields(new Dictionary<string, object?> { ["name"] = "Title", ["value"] = "Default Title" }) }
                : v.Attributes.Select(a => (IShopifyNode)new Fields(new Dictionary<string, object?> { ["name"] = a.Name, ["value"] = a.Option })).ToArray(),
            ["createdAt"] = Time(v?.CreatedUtc ?? p.CreatedUtc),
            ["updatedAt"] = Time(v?.ModifiedUtc ?? p.ModifiedUtc),
            ["product"] = new ProductNode(p, request),
            ["inventoryItem"] = new Fields(new Dictionary<string, object?>
            {
                ["id"] = Gid("InventoryItem", id), ["tracked"] = stock is not null, ["sku"] = OrderNode.NullIfEmpty(sku),
                // Shopify's "cost per item": null when the merchant never entered one.
                ["unitCost"] = cost is { } c ? new MoneyV2(c, request.Currency) : null,
            }),
        });
    }
}
