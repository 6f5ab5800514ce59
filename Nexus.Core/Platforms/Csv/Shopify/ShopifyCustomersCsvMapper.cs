using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv.Shopify;

/// <summary>
/// Shopify's <c>customers_export.csv</c>, old layout and the newer one with <c>Customer ID</c> and
/// <c>Default Address …</c> columns. The key is the e-mail (lower-case), because the orders export names customers
/// only by e-mail and both files must meet on the same key; a customer without e-mail is keyed by its Customer ID.
/// </summary>
public sealed class ShopifyCustomersCsvMapper : ICsvRecordMapper<Customer>
{
    private readonly CsvHeader _header;
    private readonly int _id, _first, _last, _email, _phone, _marketing, _sms, _spent, _orders, _tags, _note, _taxExempt;
    private readonly ShopifyAddressColumns _address;

    public ShopifyCustomersCsvMapper(CsvHeader header)
    {
        _header = header ?? throw new ArgumentNullException(nameof(header));
        _id = header.IndexOf("Customer ID", "Id");
        _first = header.IndexOf("First Name");
        _last = header.IndexOf("Last Name");
        _email = header.IndexOf("Email");
        _phone = header.IndexOf("Phone");
        _marketing = header.IndexOf("Accepts Email Marketing", "Accepts Marketing");
        _sms = header.IndexOf("Accepts SMS Marketing");
        _spent = header.IndexOf("Total Spent");
        _orders = header.IndexOf("Total Orders");
        _tags = header.IndexOf("Tags");
        _note = header.IndexOf("Note");
        _taxExempt = header.IndexOf("Tax Exempt");
        var prefix = header.Contains("Default Address Address1", "Default Address City") ? "Default Address" : "";
        _address = prefix.Length > 0 ? ShopifyAddressColumns.For(header, prefix) : new ShopifyAddressColumns(
            -1, -1, -1, header.IndexOf("Company"), header.IndexOf("Address1"), header.IndexOf("Address2"), header.IndexOf("City"),
            header.IndexOf("Zip"), header.IndexOf("Province Code", "Province"), header.IndexOf("Country Code", "Country"), header.IndexOf("Phone"));
    }

    public string EntityType => "customer";

    public string LayoutName => "Shopify customers export";

    public string? GroupKey(CsvRow row) => CsvValues.Text(row, _email)?.ToLowerInvariant() ?? CsvValues.Text(row, _id);

    public MappingResult<Customer> Map(IReadOnlyList<CsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var row = rows[0];
        var values = new CsvValues(_header, new MappingIssueCollector());
        var key = GroupKey(row);
        if (key is null)
            values.Required(row, _email, "Email");
        var orders = values.Integer(row, _orders);
        _ = values.Decimal(row, _spent);
        if (rows.Count > 1)
            values.Issues.Add(values.Name(_email, "Email"), key, "csv-duplicate-key",
                $"The customer {key} appears on {rows.Count} adjacent rows (lines {rows[0].LineNumber}–{rows[^1].LineNumber}); keep one row per customer.");
        if (values.Issues.HasIssues)
            return values.Issues.Fail<Customer>();

        var first = CsvValues.Text(row, _first);
        var last = CsvValues.Text(row, _last);
        var address = _address.Read(row);
        return MappingResult<Customer>.Success(new Customer
        {
            PlatformId = key!,
            Email = CsvValues.Text(row, _email),
            FirstName = first,
            LastName = last,
            Phone = CsvValues.Text(row, _phone),
            IsPayingCustomer = orders is null ? null : orders > 0,
            Billing = address is null ? null : address with { FirstName = address.FirstName ?? first, LastName = address.LastName ?? last },
            Extras = CsvValues.Extras([
                ("shopify_customer_id", CsvValues.Text(row, _id)),
                ("accepts_email_marketing", CsvValues.Text(row, _marketing)),
                ("accepts_sms_marketing", CsvValues.Text(row, _sms)),
                ("total_spent", CsvValues.Text(row, _spent)),
                ("total_orders", CsvValues.Text(row, _orders)),
                ("tags", CsvValues.Text(row, _tags)),
                ("note", CsvValues.Text(row, _note)),
                ("tax_exempt", CsvValues.Text(row, _taxExempt)),
            ]),
        });
    }
}
