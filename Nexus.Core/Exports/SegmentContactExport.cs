using Nexus.Core.Analytics.Customers;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Rfm;

namespace Nexus.Core.Exports;

/// <summary>One person to import into an e-mail tool: who they are and what their RFM segment says about them.</summary>
/// <param name="Monetary">Spend in the chosen days (the RFM monetary value), in the export's currency.</param>
/// <param name="LastOrder">The UTC day of their latest order in the chosen days.</param>
public sealed record SegmentContact(string Email, string? FirstName, string? LastName, RfmSegment Segment, ValueBand Value, decimal Monetary, int Orders,
    DateOnly LastOrder);

/// <summary>High, mid or low spend: the RFM monetary score (5–4, 3, 2–1) as a tag merchants can target.</summary>
public enum ValueBand { High, Mid, Low }

/// <summary>The contacts of an export and how many customers were left out for want of an e-mail address.</summary>
/// <param name="WithoutEmail">Customers of the segment(s) with no e-mail on record: an e-mail tool cannot take them.</param>
public sealed record SegmentContactList(IReadOnlyList<SegmentContact> Contacts, int WithoutEmail, string Currency);

/// <summary>How many customers an export will hold, and how many it leaves out (shown before the download).</summary>
public sealed record ContactCount(int Contacts, int WithoutEmail);

/// <summary>
/// The Customers page's RFM segments as contacts for Mailchimp or Klaviyo (<see cref="EmailToolCsv"/>). E-mails come from
/// <see cref="CustomerDirectory"/> (a guest's from the order); first and last name from the directory's copy of the customers table's own fields.
/// Customers without an e-mail are left out and counted. One row per e-mail address: the same person as a customer of two
/// stores is one contact to an e-mail tool (both importers take one row per address), kept with their best-spending store's figures.
/// </summary>
public sealed class SegmentContactExport(CustomerAnalytics analytics, OverviewQuery overview, TimeProvider clock)
{
    /// <summary>
    /// RFM as the Customers page computes it for <paramref name="selection"/> (its store, days and filters) in <paramref name="currency"/>;
    /// throws <see cref="Analytics.InsufficientDataException"/> when the scope has no orders (e.g. a store that is not the tenant's).
    /// </summary>
    public async Task<RfmResult> RfmForSelectionAsync(Guid tenantId, ReportSelection selection, string currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var scope = AnalyticsScope.AsOfToday(tenantId, null, currency, clock).Filtered(selection);
        scope = scope.Within(await overview.PeriodAsync(scope, selection, clock, cancellationToken));
        return await analytics.RfmAsync(scope, cancellationToken: cancellationToken);
    }

    /// <summary>What an export of <paramref name="segment"/> (null: every segment) would hold, without reading names.</summary>
    public static ContactCount Count(RfmResult result, RfmSegment? segment)
    {
        var (contacts, withoutEmail) = Select(result, segment);
        return new ContactCount(contacts.Count, withoutEmail);
    }

    /// <summary>The contacts of <paramref name="segment"/> (null: every segment), best customers first.</summary>
    public Task<SegmentContactList> ContactsAsync(RfmResult result, RfmSegment? segment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (chosen, withoutEmail) = Select(result, segment);
        var contacts = chosen.Select(c =>
        {
            var name = result.Names.GetValueOrDefault(c.Customer.CustomerId);
            var (first, last) = name is { FirstName: not null } or { LastName: not null } ? (name.FirstName, name.LastName) : Split(name?.Name);
            var rfm = c.Customer;
            return new SegmentContact(c.Email, first, last, rfm.Segment, Band(rfm.MonetaryScore), rfm.Monetary, rfm.Frequency, result.Report.AsOf.AddDays(-rfm.RecencyDays));
        }).ToList();
        return Task.FromResult(new SegmentContactList(contacts, withoutEmail, result.Scope.Currency));
    }

    /// <summary>A customer's e-mail: the directory's, else the person key itself when it is an e-mail (guests have no customers row).</summary>
    public static string? EmailOf(RfmResult result, string key)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Names.TryGetValue(key, out var name) && !string.IsNullOrWhiteSpace(name.Email)) return name.Email.Trim();
        return PersonIdentity.KindOf(key) == PersonKeyKind.Email ? key : null;
    }

    private static (List<(CustomerRfm Customer, string Email)> Contacts, int WithoutEmail) Select(RfmResult result, RfmSegment? segment)
    {
        ArgumentNullException.ThrowIfNull(result);
        var customers = result.Report.Customers.Where(c => segment is null || c.Segment == segment)
            .OrderByDescending(c => c.Monetary).ThenBy(c => c.CustomerId, StringComparer.Ordinal).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var contacts = new List<(CustomerRfm, string)>();
        var withoutEmail = 0;
        foreach (var c in customers)
        {
            if (EmailOf(result, c.CustomerId) is not { } email) withoutEmail++;
            else if (seen.Add(email)) contacts.Add((c, email));
        }
        return (contacts, withoutEmail);
    }

    /// <summary>A full name with no separate parts: first word as first name, the rest as last name ("Mary Ann Smith" → "Mary", "Ann Smith").</summary>
    private static (string? First, string? Last) Split(string? full)
    {
        if (Trimmed(full) is not { } name) return (null, null);
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (name, null) : (name[..space], name[(space + 1)..].Trim());
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ValueBand Band(int monetaryScore) => monetaryScore >= 4 ? ValueBand.High : monetaryScore == 3 ? ValueBand.Mid : ValueBand.Low;
}
