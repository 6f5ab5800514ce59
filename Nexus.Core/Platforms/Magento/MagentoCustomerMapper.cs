using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Core.Platforms.Magento.MagentoMapping;

namespace Nexus.Core.Platforms.Magento;

/// <summary>
/// Magento customers (<c>GET /V1/customers/search</c> items) to canonical <see cref="Customer"/>s. Billing and
/// shipping are the addresses <c>default_billing</c> / <c>default_shipping</c> point at (falling back to the
/// address flags); the phone is the billing address's, because Magento customers have no phone of their own.
/// </summary>
public sealed class MagentoCustomerMapper(MagentoMappingOptions options)
{
    public const string EntityType = "customer";

    public MappingResult<Customer> Map(JsonElement record) => MapRecord(record, MagentoJsonContext.Default.MagentoCustomerDto, EntityType, Map);

    public MappingResult<Customer> Map(MagentoCustomerDto dto)
    {
        var issues = new MappingIssueCollector();
        var id = RequiredId(dto.Id, "id", issues);
        if (issues.HasIssues)
            return issues.Fail<Customer>();

        var billing = Pick(dto.Addresses, dto.DefaultBilling, a => a.DefaultBilling == true);
        var shipping = Pick(dto.Addresses, dto.DefaultShipping, a => a.DefaultShipping == true);
        var billingAddress = ToAddress(billing, dto.Email);
        return MappingResult<Customer>.Success(new Customer
        {
            PlatformId = id!,
            SourceUrl = options.Url($"admin/customer/index/edit/id/{id}/"),
            Email = NullIfEmpty(dto.Email),
            FirstName = NullIfEmpty(dto.Firstname),
            LastName = NullIfEmpty(dto.Lastname),
            Phone = NullIfEmpty(billing?.Telephone),
            Billing = billingAddress,
            Shipping = ToAddress(shipping, null),
            CreatedAt = dto.CreatedAt,
            ModifiedAt = dto.UpdatedAt,
            Extras = Extras(dto.ExtensionData),
        });
    }

    private static MagentoCustomerAddressDto? Pick(IReadOnlyList<MagentoCustomerAddressDto>? addresses, string? defaultId, Func<MagentoCustomerAddressDto, bool> flagged)
    {
        if (addresses is not { Count: > 0 })
            return null;
        if (long.TryParse(defaultId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var wanted))
            foreach (var a in addresses)
                if (a.Id == wanted)
                    return a;
        return addresses.FirstOrDefault(flagged);
    }

    private static Address? ToAddress(MagentoCustomerAddressDto? a, string? email) => a is null ? null
        : Address(a.Firstname, a.Lastname, a.Company, a.Street, a.City, a.Region?.RegionCode ?? a.Region?.Region, a.Postcode, a.CountryId, email, a.Telephone);
}
