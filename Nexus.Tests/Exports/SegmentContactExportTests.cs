using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Exports;
using Nexus.Core.Model;
using Nexus.Core.Storage;
using Nexus.Tests.Analytics.Metrics;
using Nexus.Tests.Infrastructure;
using static Nexus.Tests.Analytics.Metrics.MetricsTestData;

namespace Nexus.Tests.Exports;

/// <summary>
/// The RFM segments of <see cref="MetricsTestData"/>'s store as Mailchimp and Klaviyo imports. Its EUR customers: c1 (€170 over
/// three orders, the last on 20 March), c5 (€80), the guest ana@x.com (€60) and c7 (€10, no customers row, so no e-mail).
/// A second store has "ADA@example.com" again as d1 (€5): one person to an e-mail tool.
/// </summary>
public sealed class SegmentContactExportTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero));

    private static async Task<ScratchStoreDatabase> CreateAsync()
    {
        var database = await MetricsTestData.CreateAsync();
        var upserter = new RecordUpserter(database);
        await upserter.UpsertCustomersAsync(database.TenantId, database.StoreId,
        [
            new Customer { PlatformId = "c1", FirstName = " Ada ", LastName = "Lovelace", Email = "ada@example.com", CreatedAt = Day(1, 5) },
            new Customer { PlatformId = "c5", FirstName = "=HYPERLINK(\"x\")", Email = "c5@x.com", CreatedAt = Day(3, 2) },
        ]);
        var second = await TestStores.AddAsync(database, "second", "shopify");
        await upserter.UpsertOrdersAsync(database.TenantId, second, [NewOrder("s1", "d1", "ADA@example.com", OrderStatus.Completed, 5m, Day(3, 22))]);
        await upserter.UpsertCustomersAsync(database.TenantId, second, [new Customer { PlatformId = "d1", FirstName = "Ada", LastName = "L.", Email = "ADA@example.com" }]);
        return database;
    }

    private static SegmentContactExport Export(ScratchStoreDatabase database) =>
        new(new CustomerAnalytics(database, new StoreTransactions(database), new CustomerDirectory(database)), new OverviewQuery(database), Clock);

    private static string[] Lines(string csv) => csv.TrimEnd('\n').Split('\n');

    [Fact]
    public async Task Mailchimp_file_has_its_importer_columns_one_row_per_address_and_leaves_out_customers_without_email()
    {
        await using var database = await CreateAsync();
        var export = Export(database);
        var rfm = await export.RfmForSelectionAsync(database.TenantId, ReportSelection.Parse("range=365d"), "EUR");
        var list = await export.ContactsAsync(rfm, null);

        var lines = Lines(EmailToolCsv.Write(EmailTool.Mailchimp, list));

        Assert.Equal("Email Address,First Name,Last Name,Tags", lines[0]);
        // Best spenders first; c7 has no e-mail, and the second store's Ada is the same address as c1 (kept once, with c1's figures).
        Assert.Equal(["ada@example.com", "c5@x.com", "ana@x.com"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(1, list.WithoutEmail);
        var c1 = rfm.Report.Customers.Single(c => c.CustomerId == "c1@x.com");
        // Names from the customers table's own fields (trimmed); the tags are the page's segment name and the spend band, in one quoted field.
        Assert.Equal($"ada@example.com,Ada,Lovelace,\"{Nexus.Core.Analytics.Rfm.RfmSegmentMap.DisplayName(c1.Segment)},High value\"", lines[1]);
        // A shop's text is untrusted: a formula in a name is defused.
        Assert.StartsWith("c5@x.com,\"'=HYPERLINK(\"\"x\"\")\",,", lines[2]);
        Assert.StartsWith("ana@x.com,,,", lines[3]); // a guest: the e-mail from the order, no name
        Assert.Equal(new ContactCount(3, 1), SegmentContactExport.Count(rfm, null));
    }

    [Fact]
    public async Task Klaviyo_file_carries_segment_spend_and_last_order_as_custom_properties()
    {
        await using var database = await CreateAsync();
        var export = Export(database);
        var rfm = await export.RfmForSelectionAsync(database.TenantId, ReportSelection.Parse("range=365d") with { Store = database.StoreId }, "EUR");
        var c1 = rfm.Report.Customers.Single(c => c.CustomerId == "c1@x.com");

        var lines = Lines(EmailToolCsv.Write(EmailTool.Klaviyo, await export.ContactsAsync(rfm, c1.Segment)));

        Assert.Equal("Email,First Name,Last Name,RFM Segment,Value Band,Total Spend,Currency,Orders,Last Order Date", lines[0]);
        // €100 + (€50 − €10) + €30 over three orders, the last on 20 March 2026.
        Assert.Equal($"ada@example.com,Ada,Lovelace,{Nexus.Core.Analytics.Rfm.RfmSegmentMap.DisplayName(c1.Segment)},High value,170.00,EUR,3,2026-03-20", lines[1]);
        // One segment only: everyone in the file is in c1's segment.
        var inSegment = rfm.Report.Customers.Count(c => c.Segment == c1.Segment && SegmentContactExport.EmailOf(rfm, c.CustomerId) is not null);
        Assert.Equal(inSegment, lines.Length - 1);
    }

    [Fact]
    public async Task The_chosen_days_narrow_the_contacts_like_the_page()
    {
        await using var database = await CreateAsync();
        var export = Export(database);
        // In February only c1 (€100) and c7 (no e-mail) ordered.
        var rfm = await export.RfmForSelectionAsync(database.TenantId, ReportSelection.Parse("range=custom&from=2026-02-01&to=2026-02-28"), "EUR");

        var list = await export.ContactsAsync(rfm, null);

        Assert.Equal(["ada@example.com"], list.Contacts.Select(c => c.Email));
        Assert.Equal((100m, 1, new DateOnly(2026, 2, 10)), (list.Contacts[0].Monetary, list.Contacts[0].Orders, list.Contacts[0].LastOrder));
        Assert.Equal(1, list.WithoutEmail);
    }
}
