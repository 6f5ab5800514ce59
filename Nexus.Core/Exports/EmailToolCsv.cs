using System.Globalization;
using System.Text;
using Nexus.Core.Analytics.Rfm;

namespace Nexus.Core.Exports;

/// <summary>The e-mail tools whose contact import Nexus writes files for.</summary>
public enum EmailTool { Mailchimp, Klaviyo }

/// <summary>
/// Segment contacts in each e-mail tool's own import format, so the file maps without renaming a column. Column names are
/// the importers' documented field names: Mailchimp's "Email Address", "First Name", "Last Name" and "Tags" (tags
/// comma-separated in one quoted field); Klaviyo's "Email", "First Name", "Last Name" properties, then custom properties
/// named by their header (dates as YYYY-MM-DD, which Klaviyo reads as dates). Every text field goes through
/// <see cref="Csv.Field"/> (quoted, formulas defused): names and e-mails come from the shops.
/// </summary>
public static class EmailToolCsv
{
    public const string MailchimpHeader = "Email Address,First Name,Last Name,Tags";

    public const string KlaviyoHeader = "Email,First Name,Last Name,RFM Segment,Value Band,Total Spend,Currency,Orders,Last Order Date";

    public static string Write(EmailTool tool, SegmentContactList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var csv = new StringBuilder(tool == EmailTool.Mailchimp ? MailchimpHeader : KlaviyoHeader).Append('\n');
        foreach (var c in list.Contacts)
        {
            string[] fields = tool == EmailTool.Mailchimp
                ? [Csv.Field(c.Email), Csv.Field(c.FirstName), Csv.Field(c.LastName), Csv.Quote($"{SegmentTag(c.Segment)},{ValueTag(c.Value)}")]
                :
                [
                    Csv.Field(c.Email), Csv.Field(c.FirstName), Csv.Field(c.LastName), Csv.Quote(SegmentTag(c.Segment)), Csv.Quote(ValueTag(c.Value)),
                    c.Monetary.ToString("0.00", CultureInfo.InvariantCulture), list.Currency, c.Orders.ToString(CultureInfo.InvariantCulture),
                    c.LastOrder.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ];
            csv.AppendJoin(',', fields).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>The segment as merchants see it on the Customers page ("Champions", "At risk").</summary>
    public static string SegmentTag(RfmSegment segment) => RfmSegmentMap.DisplayName(segment);

    public static string ValueTag(ValueBand band) => $"{band} value";

    /// <summary>The download's file name: tool, store (or all stores) and segment, e.g. "mailchimp-store-3-Champions.csv".</summary>
    public static string FileName(EmailTool tool, int? store, RfmSegment? segment) =>
        $"{tool.ToString().ToLowerInvariant()}-{(store is { } id ? $"store-{id}" : "all-stores")}{(segment is { } s ? "-" + s : "")}.csv";
}
