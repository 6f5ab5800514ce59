using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Core.Platforms.Shopify.ShopifyJson;

namespace Nexus.Core.Platforms.Shopify;

/// <summary>
/// Shopify <c>Customer</c> nodes to canonical <see cref="Customer"/>s: the default e-mail and phone (falling back
/// to the deprecated <c>email</c>/<c>phone</c>), the default address as billing, another saved address as shipping.
/// </summary>
public sealed class ShopifyCustomerMapper(ShopifyMappingOptions options)
{
    public const string EntityType = "customer";

    public MappingResult<Customer> Map(JsonElement node)
    {
        var issues = new MappingIssueCollector();
        var id = Gid(node, "id", "Customer", "id", issues);
        var email = (Prop(node, "defaultEmailAddress") is { } e ? NonEmpty(e, "emailAddress", "defaultEmailAddress.emailAddress", issues) : null)
                    ?? NonEmpty(node, "email", "email", issues);
        var phone = (Prop(node, "defaultPhoneNumber") is { } p ? NonEmpty(p, "phoneNumber", "defaultPhoneNumber.phoneNumber", issues) : null)
                    ?? NonEmpty(node, "phone", "phone", issues);
        var billing = Address(node, "defaultAddress", "defaultAddress", issues, email);
        Address? shipping = null;
        var defaultId = Prop(node, "defaultAddress") is { } d ? Str(d, "id", "defaultAddress.id", issues) : null;
        var k = 0;
        foreach (var address in ShopifyJson.Array(node, "addresses"))
        {
            var path = $"addresses[{k++}]";
            if (Str(address, "id", path + ".id", issues) == defaultId && defaultId is not null) continue;
            shipping ??= AddressOf(address, path, issues);
        }
        var createdAt = Time(node, "createdAt", "createdAt", issues);
        var orders = Number(node, "numberOfOrders", "numberOfOrders", issues);
        if (issues.HasIssues) return issues.Fail<Customer>().WithRawJson(node.GetRawText());

        var extras = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "legacyResourceId", "state", "tags", "amountSpent", "numberOfOrders", "verifiedEmail", "note" })
            Keep(extras, node, name);
        if (Prop(node, "defaultEmailAddress") is { } marketing && Prop(marketing, "marketingState") is { } state) extras["marketingState"] = state.GetRawText();
        return MappingResult<Customer>.Success(new Customer
        {
            PlatformId = id!,
            SourceUrl = options.AdminUrl("customers", id),
            Email = email,
            FirstName = NonEmpty(node, "firstName", "firstName", issues),
            LastName = NonEmpty(node, "lastName", "lastName", issues),
            Phone = phone,
            IsGuest = false,
            IsPayingCustomer = orders is null ? null : orders > 0,
            Billing = billing,
            Shipping = shipping,
            CreatedAt = createdAt,
            ModifiedAt = Time(node, "updatedAt", "updatedAt", issues),
            Extras = Frozen(extras),
        });
    }
}
