using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce.Dto;
using static Nexus.Core.Platforms.WooCommerce.WooMapping;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>Registered WooCommerce customers to canonical <see cref="Customer"/>s.</summary>
public sealed class WooCommerceCustomerMapper(WooCommerceMappingOptions options)
{
    public const string EntityType = "customer";

    /// <exception cref="MalformedPageException">The page is not a readable JSON array.</exception>
    public MappedPage<Customer> MapCustomersPage(ReadOnlySpan<byte> utf8Json) =>
        JsonArrayPageMapper.Map(utf8Json, WooJsonContext.Default.ListWooCustomerDto, WooJsonContext.Default.WooCustomerDto, Map, EntityType);

    /// <inheritdoc cref="MapCustomersPage(ReadOnlySpan{byte})"/>
    public Task<MappedPage<Customer>> MapCustomersPageAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        JsonArrayPageMapper.MapAsync(utf8Json, WooJsonContext.Default.ListWooCustomerDto, WooJsonContext.Default.WooCustomerDto, Map, EntityType, cancellationToken);

    /// <summary>Maps one customer body (<c>GET /customers/{id}</c>); a failure carries the raw JSON.</summary>
    /// <exception cref="MalformedPageException">The body is not readable JSON.</exception>
    public MappingResult<Customer> MapCustomer(ReadOnlySpan<byte> utf8Json) =>
        JsonArrayPageMapper.MapSingle(utf8Json, WooJsonContext.Default.WooCustomerDto, Map, EntityType);

    public MappingResult<Customer> Map(WooCustomerDto dto)
    {
        var issues = new MappingIssueCollector();
        var id = RequiredId(dto.Id, "id", issues);
        if (issues.HasIssues)
            return issues.Fail<Customer>();

        var billing = Address(dto.Billing);
        return MappingResult<Customer>.Success(new Customer
        {
            PlatformId = id!,
            SourceUrl = options.AdminUrl($"wp-admin/user-edit.php?user_id={id}"),
            Email = NullIfEmpty(dto.Email) ?? billing?.Email,
            FirstName = NullIfEmpty(dto.FirstName) ?? billing?.FirstName,
            LastName = NullIfEmpty(dto.LastName) ?? billing?.LastName,
            // WooCommerce keeps a customer's phone only on the billing address.
            Phone = billing?.Phone,
            Username = NullIfEmpty(dto.Username),
            IsGuest = false,
            IsPayingCustomer = dto.IsPayingCustomer,
            Billing = billing,
            Shipping = Address(dto.Shipping),
            CreatedAt = Utc(dto.DateCreatedGmt, dto.DateCreated),
            ModifiedAt = Utc(dto.DateModifiedGmt, dto.DateModified),
            Extras = Extras(dto.MetaData, dto.ExtensionData),
        });
    }

    /// <summary>
    /// A guest shopper as a customer, built from a guest order's billing details (WooCommerce has no
    /// customer record for guests). Keyed by the lower-cased billing email so repeat guest orders
    /// collapse into one customer; null when the order has an account or no billing email.
    /// </summary>
    public static Customer? MapGuest(Order order)
    {
        if (!order.IsGuest || order.BillingEmail is null)
            return null;
        return new Customer
        {
            PlatformId = GuestIdPrefix + order.BillingEmail.Trim().ToLowerInvariant(),
            Email = order.BillingEmail,
            FirstName = order.Billing?.FirstName,
            LastName = order.Billing?.LastName,
            Phone = order.Billing?.Phone,
            IsGuest = true,
            Billing = order.Billing,
            Shipping = order.Shipping,
            CreatedAt = order.CreatedAt,
            ModifiedAt = order.ModifiedAt ?? order.CreatedAt,
        };
    }

    /// <summary>Prefix of guest customer ids; real WooCommerce ids are digits, so they cannot collide.</summary>
    public const string GuestIdPrefix = "guest:";
}
