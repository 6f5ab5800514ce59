using Nexus.Core.Model;

namespace Nexus.Core.Platforms.Csv.Shopify;

/// <summary>The columns of one address block ("Billing …", "Shipping …", "Default Address …") in a Shopify export.</summary>
internal sealed record ShopifyAddressColumns(int Name, int FirstName, int LastName, int Company, int Line1, int Line2, int City, int Zip, int Province, int Country, int Phone)
{
    public static ShopifyAddressColumns For(CsvHeader header, string prefix) => new(
        header.IndexOf($"{prefix} Name"),
        header.IndexOf($"{prefix} First Name"),
        header.IndexOf($"{prefix} Last Name"),
        header.IndexOf($"{prefix} Company"),
        header.IndexOf($"{prefix} Address1", $"{prefix} Street"),
        header.IndexOf($"{prefix} Address2"),
        header.IndexOf($"{prefix} City"),
        header.IndexOf($"{prefix} Zip"),
        header.IndexOf($"{prefix} Province Code", $"{prefix} Province"),
        header.IndexOf($"{prefix} Country Code", $"{prefix} Country"),
        header.IndexOf($"{prefix} Phone"));

    /// <summary>The address on <paramref name="row"/>, or null when every cell of it is empty.</summary>
    public Address? Read(CsvRow row)
    {
        var (first, last) = CsvValues.Text(row, Name) is { } full ? SplitName(full) : (CsvValues.Text(row, FirstName), CsvValues.Text(row, LastName));
        var address = new Address
        {
            FirstName = first,
            LastName = last,
            Company = CsvValues.Text(row, Company),
            Line1 = CsvValues.Text(row, Line1),
            Line2 = CsvValues.Text(row, Line2),
            City = CsvValues.Text(row, City),
            PostalCode = CsvValues.Text(row, Zip),
            Region = CsvValues.Text(row, Province),
            CountryCode = CsvValues.Text(row, Country),
            Phone = CsvValues.Text(row, Phone),
        };
        return address == Empty ? null : address;
    }

    private static readonly Address Empty = new();

    /// <summary>"Ana María García" → ("Ana María", "García"): the last word is the family name, as the export has one name cell.</summary>
    internal static (string? First, string? Last) SplitName(string full)
    {
        var space = full.LastIndexOf(' ');
        return space < 0 ? (full, null) : (full[..space].Trim(), full[(space + 1)..]);
    }
}
